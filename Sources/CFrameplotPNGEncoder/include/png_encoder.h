#ifndef FRAMEPLOT_PNG_ENCODER_H
#define FRAMEPLOT_PNG_ENCODER_H

// PNG encoding of cairo ARGB32 pixels with libpng.
//
// libpng reports errors with setjmp/longjmp, which Swift cannot unwind through,
// so every libpng call lives in this C file and failures come back as a status
// code plus a message.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Row filters; combine with | to let libpng choose per row (adaptive).
enum {
    FP_PNG_FILTER_NONE = 0x08,
    FP_PNG_FILTER_SUB = 0x10,
    FP_PNG_FILTER_UP = 0x20,
    FP_PNG_FILTER_AVG = 0x40,
    FP_PNG_FILTER_PAETH = 0x80,
    FP_PNG_FILTER_ALL = 0xf8
};

// Result codes.
enum {
    FP_PNG_OK = 0,
    FP_PNG_ERROR_ARGUMENT = 1,
    FP_PNG_ERROR_MEMORY = 2,
    FP_PNG_ERROR_LIBPNG = 3
};

// A growable output buffer owned by C; release with fp_png_output_free.
typedef struct fp_png_output {
    unsigned char *data;
    size_t size;
    size_t capacity;
    int failed;              // set when growing the buffer failed
    char message[256];       // human-readable reason when the result is not FP_PNG_OK
    int wrote_alpha;         // 1 when RGBA was written, 0 for RGB
} fp_png_output;

// Encodes `height` rows of `width` premultiplied native-endian ARGB32 pixels
// (cairo's CAIRO_FORMAT_ARGB32, i.e. B,G,R,A bytes on little-endian machines)
// into `out`. When every pixel is opaque the image is written as 8-bit RGB
// straight from the rows (libpng drops the filler byte and swaps to RGB);
// otherwise it is unpremultiplied row by row into 8-bit RGBA.
// `level` is the zlib level 0...9, `filters` a combination of FP_PNG_FILTER_*,
// `pixels_per_meter` (0 = omit) is written as a pHYs chunk. `text_count` tEXt chunks
// (Latin-1 keyword of 1...79 bytes and value) are written before the image data.
int fp_png_encode_argb32(const unsigned char *pixels, int width, int height, int stride,
                         int level, int filters, uint32_t pixels_per_meter,
                         const char *const *text_keys, const char *const *text_values, int text_count,
                         fp_png_output *out);

// Frees the buffer of `out` (safe to call twice).
void fp_png_output_free(fp_png_output *out);

// A decoded image: 8-bit straight-alpha R,G,B,A rows without padding, owned by C.
typedef struct fp_png_image {
    unsigned char *pixels;
    int width;
    int height;
    char message[256];
} fp_png_image;

// Decodes PNG bytes of any colour type into 8-bit RGBA (libpng's simplified API,
// which reports errors without longjmp reaching the caller). Release with fp_png_image_free.
int fp_png_decode_rgba(const unsigned char *data, size_t size, fp_png_image *out);

// Frees the pixels of `image` (safe to call twice).
void fp_png_image_free(fp_png_image *image);

// The libpng version number, e.g. 10639.
int fp_png_encoder_version(void);

#ifdef __cplusplus
}
#endif
#endif
