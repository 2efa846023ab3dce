#ifndef FRAMEPLOT_PNG_ENCODER_H
#define FRAMEPLOT_PNG_ENCODER_H

// PNG encoding of cairo ARGB32 pixels, and PNG decoding with libpng.
//
// Images are encoded in one shot: the rows are filtered into one buffer, compressed at once
// with libdeflate, and the chunks and CRCs are written
// directly. Images larger than a limit go through libpng row by row instead (bounded memory).
// libpng reports errors with setjmp/longjmp, which Swift cannot unwind through, so every libpng
// call lives in C and failures come back as a status code plus a message.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Row filters: the five PNG filter types, plus two ways of choosing among them.
enum {
    FP_PNG_FILTER_NONE = 0,
    FP_PNG_FILTER_SUB = 1,
    FP_PNG_FILTER_UP = 2,
    FP_PNG_FILTER_AVERAGE = 3,
    FP_PNG_FILTER_PAETH = 4,
    // Per row, the filter whose output has the smallest sum of absolute values (libpng's heuristic).
    FP_PNG_FILTER_ADAPTIVE = 5,
    // One of none, sub and up for the whole image, chosen by the same measure on sampled rows.
    FP_PNG_FILTER_PER_IMAGE = 6
};

// How an image was encoded (fp_png_output.encoder).
enum {
    FP_PNG_ENCODER_ONE_SHOT = 1,   // whole image filtered, then compressed at once (libdeflate)
    FP_PNG_ENCODER_LIBPNG = 2      // row by row through libpng and zlib
};

// Result codes.
enum {
    FP_PNG_OK = 0,
    FP_PNG_ERROR_ARGUMENT = 1,
    FP_PNG_ERROR_MEMORY = 2,
    FP_PNG_ERROR_LIBPNG = 3,
    FP_PNG_ERROR_DEFLATE = 4
};

// A PNG file in memory, owned by C; release with fp_png_output_free.
typedef struct fp_png_output {
    unsigned char *data;
    size_t size;
    size_t capacity;
    int failed;              // set when growing the buffer failed
    char message[256];       // human-readable reason when the result is not FP_PNG_OK
    int wrote_alpha;         // 1 when RGBA was written, 0 for RGB
    int filter;              // the FP_PNG_FILTER_* used (FP_PNG_FILTER_ADAPTIVE when chosen per row)
    int encoder;             // FP_PNG_ENCODER_*
} fp_png_output;

// Encodes `height` rows of `width` premultiplied native-endian ARGB32 pixels (cairo's
// CAIRO_FORMAT_ARGB32) into `out`. When every pixel is opaque the image is written as 8-bit
// RGB, otherwise unpremultiplied into 8-bit RGBA.
// `level` is the DEFLATE level 0 (store) ... 9 (smallest), `filter` an FP_PNG_FILTER_*,
// `pixels_per_meter` (0 = omit) is written as a pHYs chunk. `text_count` tEXt chunks
// (Latin-1 keyword of 1...79 bytes and value) are written before the image data.
// Images whose filtered data exceeds `one_shot_limit` bytes are encoded row by row with
// libpng (zlib at the same level), so memory stays near the size of the compressed file.
// The same input always gives the same bytes.
int fp_png_encode_argb32(const unsigned char *pixels, int width, int height, int stride,
                         int level, int filter, uint32_t pixels_per_meter,
                         const char *const *text_keys, const char *const *text_values, int text_count,
                         size_t one_shot_limit, fp_png_output *out);

// The same, always through libpng row by row (today's streaming path; for benchmarks and tests).
int fp_png_encode_argb32_libpng(const unsigned char *pixels, int width, int height, int stride,
                                int level, int filter, uint32_t pixels_per_meter,
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
