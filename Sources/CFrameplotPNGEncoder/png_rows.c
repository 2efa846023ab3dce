#include "png_rows.h"

#include <string.h>

int fp_all_opaque(const unsigned char *pixels, int width, int height, int stride) {
    for (int y = 0; y < height; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(pixels + (size_t)y * (size_t)stride);
        uint32_t all = 0xffffffffu;
        for (int x = 0; x < width; x++) all &= row[x];
        if ((all >> 24) != 0xff) return 0;
    }
    return 1;
}

void fp_straight_row(const unsigned char *src, int width, int alpha, unsigned char *dst) {
    const uint32_t *in = (const uint32_t *)(const void *)src;
    if (!alpha) {
        for (int x = 0; x < width; x++) {
            uint32_t p = in[x];
            dst[0] = (unsigned char)(p >> 16);
            dst[1] = (unsigned char)(p >> 8);
            dst[2] = (unsigned char)p;
            dst += 3;
        }
        return;
    }
    for (int x = 0; x < width; x++) {
        uint32_t p = in[x];
        uint32_t a = p >> 24;
        if (a == 0) {
            dst[0] = dst[1] = dst[2] = dst[3] = 0;
        } else {
            uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if (a != 255) {
                // Rounded like ImageCanvas.pixel(x:y:), so decoded files compare exactly.
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
                if (r > 255) r = 255;
                if (g > 255) g = 255;
                if (b > 255) b = 255;
            }
            dst[0] = (unsigned char)r;
            dst[1] = (unsigned char)g;
            dst[2] = (unsigned char)b;
            dst[3] = (unsigned char)a;
        }
        dst += 4;
    }
}

static unsigned char fp_paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = p > a ? p - a : a - p, pb = p > b ? p - b : b - p, pc = p > c ? p - c : c - p;
    if (pa <= pb && pa <= pc) return (unsigned char)a;
    return (unsigned char)(pb <= pc ? b : c);
}

void fp_filter_row(int type, const unsigned char *row, const unsigned char *prior, size_t length, int bpp,
                   unsigned char *out) {
    size_t n = (size_t)bpp < length ? (size_t)bpp : length;
    switch (type) {
    case 1: // sub
        memcpy(out, row, n);
        for (size_t i = n; i < length; i++) out[i] = (unsigned char)(row[i] - row[i - (size_t)bpp]);
        break;
    case 2: // up
        for (size_t i = 0; i < length; i++) out[i] = (unsigned char)(row[i] - prior[i]);
        break;
    case 3: // average
        for (size_t i = 0; i < n; i++) out[i] = (unsigned char)(row[i] - (prior[i] >> 1));
        for (size_t i = n; i < length; i++) {
            out[i] = (unsigned char)(row[i] - ((row[i - (size_t)bpp] + prior[i]) >> 1));
        }
        break;
    case 4: // paeth
        for (size_t i = 0; i < n; i++) out[i] = (unsigned char)(row[i] - prior[i]);
        for (size_t i = n; i < length; i++) {
            out[i] = (unsigned char)(row[i] - fp_paeth(row[i - (size_t)bpp], prior[i], prior[i - (size_t)bpp]));
        }
        break;
    default: // none
        memcpy(out, row, length);
        break;
    }
}

uint64_t fp_filter_cost(const unsigned char *filtered, size_t length) {
    uint64_t sum = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned v = filtered[i];
        sum += v < 128 ? v : 256 - v;
    }
    return sum;
}

int fp_filter_rows(const unsigned char *pixels, int width, int first, int rows, int stride, int alpha,
                   int filter, unsigned char *scratch, unsigned char *filtered) {
    if (filter < 0 || filter > 5) return -1;
    const int bpp = alpha ? 4 : 3;
    const size_t length = (size_t)width * (size_t)bpp;
    unsigned char *prior = scratch, *row = scratch + length, *candidates = scratch + 2 * length;
    if (first > 0) fp_straight_row(pixels + (size_t)(first - 1) * (size_t)stride, width, alpha, prior);
    else memset(prior, 0, length);
    for (int y = first; y < first + rows; y++) {
        unsigned char *out = filtered + (size_t)(y - first) * (length + 1);
        fp_straight_row(pixels + (size_t)y * (size_t)stride, width, alpha, row);
        int type = filter;
        if (filter == 5) {
            uint64_t best = UINT64_MAX;
            for (int t = 0; t < 5; t++) {
                unsigned char *candidate = candidates + (size_t)t * length;
                fp_filter_row(t, row, prior, length, bpp, candidate);
                uint64_t cost = fp_filter_cost(candidate, length);
                if (cost < best) { best = cost; type = t; }
            }
            memcpy(out + 1, candidates + (size_t)type * length, length);
        } else {
            fp_filter_row(type, row, prior, length, bpp, out + 1);
        }
        out[0] = (unsigned char)type;
        unsigned char *swap = prior; prior = row; row = swap;
    }
    return 0;
}
