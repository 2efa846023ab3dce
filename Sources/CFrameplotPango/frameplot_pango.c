#include "frameplot_pango.h"

/* Pango's version is linked in, not declared above; a layout round trip checks the ABI. */
int frameplot_pango_check_abi(void) {
    PangoFontMap *map = pango_cairo_font_map_new();
    if (!map) return 1;
    PangoContext *context = pango_font_map_create_context(map);
    if (!context) { g_object_unref(map); return 2; }
    PangoLayout *layout = pango_layout_new(context);
    int result = 3;
    if (layout) {
        pango_layout_set_text(layout, "Ag", -1);
        PangoRectangle ink, logical;
        pango_layout_get_extents(layout, &ink, &logical);
        /* A two-letter layout has a positive logical size and a baseline inside it. */
        int baseline = pango_layout_get_baseline(layout);
        result = (logical.width > 0 && logical.height > 0 && baseline > 0 && baseline < logical.height) ? 0 : 4;
        g_object_unref(layout);
    }
    g_object_unref(context);
    g_object_unref(map);
    return result;
}
