#ifndef FRAMEPLOT_PNG_ONESHOT_H
#define FRAMEPLOT_PNG_ONESHOT_H

#include "png_encoder.h"

// Returned by fp_png_encode_one_shot when asked for RGB (`alpha` 0) of an image that is not
// opaque, found while filtering (see fp_filter_rows_checks_opacity): encode it again as RGBA.
enum { FP_PNG_RETRY_WITH_ALPHA = 100 };

// Encodes the whole image at once (see png_oneshot.c); `alpha` 1 writes RGBA, 0 RGB.
// Arguments are already checked; `out` is zeroed.
int fp_png_encode_one_shot(const unsigned char *pixels, int width, int height, int stride, int alpha,
                           int level, int filter, uint32_t pixels_per_meter,
                           const char *const *text_keys, const char *const *text_values, int text_count,
                           fp_png_output *out);

#endif
