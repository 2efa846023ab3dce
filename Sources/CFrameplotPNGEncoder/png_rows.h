#ifndef FRAMEPLOT_PNG_ROWS_H
#define FRAMEPLOT_PNG_ROWS_H

// Row conversion and PNG row filters shared by the one-shot and the libpng encoders.

#include <stddef.h>
#include <stdint.h>

// 1 when every pixel of the premultiplied ARGB32 image has alpha 255.
int fp_all_opaque(const unsigned char *pixels, int width, int height, int stride);

// One premultiplied ARGB32 row -> R,G,B bytes (`alpha` 0) or straight R,G,B,A bytes (`alpha` 1).
void fp_straight_row(const unsigned char *src, int width, int alpha, unsigned char *dst);

// Applies PNG filter `type` (0...4) to the `length` bytes of `row`, given the previous
// unfiltered row `prior` (all zeros for the first row) and `bpp` bytes per pixel.
void fp_filter_row(int type, const unsigned char *row, const unsigned char *prior, size_t length, int bpp,
                   unsigned char *out);

// The sum of the filtered bytes read as signed values' magnitudes (smaller compresses better).
uint64_t fp_filter_cost(const unsigned char *filtered, size_t length);

// Filters `rows` rows starting at row `first` into `filtered` (a filter-type byte, then the row),
// with `filter` 0...4, or FP_PNG_FILTER_ADAPTIVE for the row's cheapest by fp_filter_cost.
// `scratch` holds 7 rows of `width * (3 + alpha)` bytes. Returns 0, -1 for a bad filter, or -2
// when `alpha` is 0 but a pixel is not opaque (only where fp_filter_rows_checks_opacity says
// so; elsewhere the caller must know the image is opaque).
int fp_filter_rows(const unsigned char *pixels, int width, int first, int rows, int stride, int alpha,
                   int filter, unsigned char *scratch, unsigned char *filtered);

// 1 when fp_filter_rows with `alpha` 0 and `filter` checks every pixel's opacity (none, sub and
// up on little-endian builds: one pass instead of fp_all_opaque's and the filter's two).
int fp_filter_rows_checks_opacity(int filter);

#endif
