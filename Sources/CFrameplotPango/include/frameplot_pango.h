/*
 * The part of Pango's C API that Frameplot uses, declared here instead of including
 * <pango/pangocairo.h>.
 *
 * Why: Pango's headers need GLib's include folders, and pkg-config's flags for them carry
 * `-pthread` (from gmodule/gthread), which SwiftPM refuses with "prohibited flag(s):
 * -pthread" on every build of a package that depends on Frameplot. Declaring the few
 * functions ourselves needs only cairo's headers, whose flags are clean.
 *
 * Every declaration below matches Pango >= 1.44 / GLib >= 2.62 (Debian 11 and later);
 * the objects are opaque, and the two structs are Pango's public, frozen layouts.
 */
#ifndef FRAMEPLOT_PANGO_H
#define FRAMEPLOT_PANGO_H

#include <cairo.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int fp_gboolean;
typedef uint32_t fp_gunichar;

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoAttrList PangoAttrList;
typedef struct _PangoLanguage PangoLanguage;
typedef struct _GError GError;

/* Public structs (layouts frozen since Pango 1.0). */
typedef struct {
    int x;
    int y;
    int width;
    int height;
} PangoRectangle;

typedef struct {
    double xx, xy, yx, yy, x0, y0;
} PangoMatrix;

/* Enum values as in pango-font.h and pango-direction.h. */
typedef enum { PANGO_STYLE_NORMAL = 0, PANGO_STYLE_OBLIQUE = 1, PANGO_STYLE_ITALIC = 2 } PangoStyle;
typedef enum { PANGO_WEIGHT_NORMAL = 400, PANGO_WEIGHT_BOLD = 700 } PangoWeight;
typedef enum { PANGO_DIRECTION_LTR = 0, PANGO_DIRECTION_RTL = 1 } PangoDirection;

/* Pango units per device unit (pango-types.h). */
#define PANGO_SCALE 1024

/* Font maps and contexts */
PangoFontMap *pango_cairo_font_map_new(void);
PangoContext *pango_font_map_create_context(PangoFontMap *fontmap);
void pango_cairo_context_set_font_options(PangoContext *context, const cairo_font_options_t *options);
void pango_context_set_round_glyph_positions(PangoContext *context, fp_gboolean round_positions);
PangoLanguage *pango_language_from_string(const char *language);
void pango_context_set_language(PangoContext *context, PangoLanguage *language);
void pango_context_set_base_dir(PangoContext *context, PangoDirection direction);
void pango_context_set_matrix(PangoContext *context, const PangoMatrix *matrix);
void pango_cairo_update_context(cairo_t *cr, PangoContext *context);

/* Font descriptions */
PangoFontDescription *pango_font_description_new(void);
void pango_font_description_free(PangoFontDescription *desc);
void pango_font_description_set_family(PangoFontDescription *desc, const char *family);
void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size);
void pango_font_description_set_weight(PangoFontDescription *desc, PangoWeight weight);
void pango_font_description_set_style(PangoFontDescription *desc, PangoStyle style);

/* Layouts and markup */
PangoLayout *pango_layout_new(PangoContext *context);
void pango_layout_set_font_description(PangoLayout *layout, const PangoFontDescription *desc);
void pango_layout_set_text(PangoLayout *layout, const char *text, int length);
void pango_layout_set_attributes(PangoLayout *layout, PangoAttrList *attrs);
void pango_layout_get_extents(PangoLayout *layout, PangoRectangle *ink_rect, PangoRectangle *logical_rect);
int pango_layout_get_baseline(PangoLayout *layout);
int pango_layout_get_unknown_glyphs_count(PangoLayout *layout);
fp_gboolean pango_parse_markup(const char *markup_text, int length, fp_gunichar accel_marker,
                               PangoAttrList **attr_list, char **text, fp_gunichar *accel_char, GError **error);
void pango_attr_list_unref(PangoAttrList *list);
void pango_cairo_show_layout(cairo_t *cr, PangoLayout *layout);

/* GLib memory */
void g_object_unref(void *object);
void g_free(void *mem);
void g_error_free(GError *error);

/* Checks at run time that the declarations above agree with the installed Pango:
 * returns 0 when they do (used by a test). */
int frameplot_pango_check_abi(void);

#ifdef __cplusplus
}
#endif

#endif
