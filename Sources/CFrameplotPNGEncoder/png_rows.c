#include "png_rows.h"

#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

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

// MARK: Opaque rows, none/sub/up, 16 bytes at a time

#if defined(__clang__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FP_VECTOR_ROWS 1

typedef unsigned char fp_v16 __attribute__((vector_size(16)));

static inline fp_v16 fp_load16(const unsigned char *p) {
    fp_v16 v;
    memcpy(&v, p, 16);
    return v;
}

static inline void fp_store16(unsigned char *p, fp_v16 v) { memcpy(p, &v, 16); }

// Four B,G,R,A pixels (cairo's ARGB32 in little-endian memory) -> twelve R,G,B bytes, then four
// bytes of no use (the caller overwrites them).
static inline fp_v16 fp_rgb_of_bgra(fp_v16 v) {
    return __builtin_shufflevector(v, v, 2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 3, 7, 11, 15);
}

// Filters opaque rows straight from ARGB32: the filters are byte-wise differences, which can be
// taken before the bytes are reordered to R,G,B (and an opaque pixel's premultiplied bytes are
// its straight ones). Returns 0, or -2 as soon as a pixel with alpha below 255 is met.
__attribute__((always_inline))
static inline int fp_opaque_rows_body(const unsigned char *pixels, int width, int first, int rows, int stride,
                                      int filter, unsigned char *filtered) {
    const size_t length = (size_t)width * 3;
    fp_v16 seen = (fp_v16){0};
    for (int y = first; y < first + rows; y++) {
        unsigned char *out = filtered + (size_t)(y - first) * (length + 1);
        const unsigned char *row = pixels + (size_t)y * (size_t)stride;
        // The byte each pixel is measured against: none for `none`, the pixel on the left for
        // `sub`, the one above for `up` (nothing left of the first pixel nor above the first row).
        const unsigned char *base = filter == 2 && y > 0 ? row - stride : filter == 1 ? row - 4 : NULL;
        int x = 0;
        if (filter == 1 || base == NULL) {
            uint32_t p;
            memcpy(&p, row, 4);
            if ((p >> 24) != 0xff) return -2;
            out[1] = (unsigned char)(p >> 16);
            out[2] = (unsigned char)(p >> 8);
            out[3] = (unsigned char)p;
            x = 1;
        }
        fp_v16 alpha_not = (fp_v16){0};
        // Sixteen bytes are stored for twelve: stop while a full store stays inside the row.
        for (; x + 6 <= width; x += 4) {
            fp_v16 v = fp_load16(row + 4 * (size_t)x);
            alpha_not |= ~v;
            if (base != NULL) v -= fp_load16(base + 4 * (size_t)x);
            fp_store16(out + 1 + 3 * (size_t)x, fp_rgb_of_bgra(v));
        }
        seen |= alpha_not;
        for (; x < width; x++) {
            uint32_t p, q = 0;
            memcpy(&p, row + 4 * (size_t)x, 4);
            if ((p >> 24) != 0xff) return -2;
            if (base != NULL) memcpy(&q, base + 4 * (size_t)x, 4);
            unsigned char *o = out + 1 + 3 * (size_t)x;
            o[0] = (unsigned char)((p >> 16) - (q >> 16));
            o[1] = (unsigned char)((p >> 8) - (q >> 8));
            o[2] = (unsigned char)(p - q);
        }
        // An alpha byte below 255 leaves a bit set in lanes 3, 7, 11 or 15.
        if ((seen[3] | seen[7] | seen[11] | seen[15]) != 0) return -2;
        out[0] = (unsigned char)filter;
    }
    return 0;
}

#if defined(__x86_64__) || defined(__i386__)
// With SSSE3 the byte reordering is one instruction (pshufb); without it, several.
__attribute__((target("ssse3")))
static int fp_opaque_rows_ssse3(const unsigned char *pixels, int width, int first, int rows, int stride,
                                int filter, unsigned char *filtered) {
    return fp_opaque_rows_body(pixels, width, first, rows, stride, filter, filtered);
}

static int fp_has_ssse3(void) {
    unsigned a, b, c, d;
    return __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) != 0;
}
#endif

static int fp_opaque_rows(const unsigned char *pixels, int width, int first, int rows, int stride,
                          int filter, unsigned char *filtered) {
#if defined(__x86_64__) || defined(__i386__)
    // -1 until asked; every thread computes the same answer, so relaxed atomics suffice.
    static int ssse3 = -1;
    int known = __atomic_load_n(&ssse3, __ATOMIC_RELAXED);
    if (known < 0) {
        known = fp_has_ssse3();
        __atomic_store_n(&ssse3, known, __ATOMIC_RELAXED);
    }
    if (known) return fp_opaque_rows_ssse3(pixels, width, first, rows, stride, filter, filtered);
#endif
    return fp_opaque_rows_body(pixels, width, first, rows, stride, filter, filtered);
}
#endif

int fp_filter_rows_checks_opacity(int filter) {
#ifdef FP_VECTOR_ROWS
    return filter >= 0 && filter <= 2;
#else
    (void)filter;
    return 0;
#endif
}

int fp_filter_rows(const unsigned char *pixels, int width, int first, int rows, int stride, int alpha,
                   int filter, unsigned char *scratch, unsigned char *filtered) {
    if (filter < 0 || filter > 5) return -1;
#ifdef FP_VECTOR_ROWS
    if (!alpha && filter <= 2) return fp_opaque_rows(pixels, width, first, rows, stride, filter, filtered);
#endif
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
