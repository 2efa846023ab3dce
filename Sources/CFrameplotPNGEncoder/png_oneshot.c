#include "png_encoder.h"
#include "png_oneshot.h"
#include "png_rows.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The one-shot encoder: filter every row into one buffer, compress it at once with libdeflate,
// and write the chunks and CRCs by hand. (ISA-L's igzip was tried for level 1: about 4x
// faster, but its output for one input varies from process to process, which breaks
// byte-identical frames and resumes.)

static unsigned char *fp_put32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
    return p + 4;
}

// Writes the length and type of a chunk whose `length` data bytes follow at the returned pointer.
static unsigned char *fp_chunk_start(unsigned char *p, const char type[4], uint32_t length) {
    p = fp_put32(p, length);
    memcpy(p, type, 4);
    return p + 4;
}

// Writes the CRC of the chunk whose type starts at `type` and whose data ends at `end`.
static unsigned char *fp_chunk_end(unsigned char *type, unsigned char *end) {
    return fp_put32(end, (uint32_t)libdeflate_crc32(0, type, (size_t)(end - type)));
}

// MARK: Per-thread workspace

// Memory reused by the frames one thread encodes: the filtered rows, the compressed data and
// libdeflate's compressor. Fresh megabytes for every frame would cost page faults (about 10% of
// the encoding time); a workspace is freed when its thread ends, and buffers above
// FP_WORKSPACE_KEEP bytes are never kept (one huge figure must not pin its memory).
typedef struct fp_workspace {
    struct libdeflate_compressor *compressor;
    int level;
    unsigned char *filtered, *compressed, *trial, *scratch;
    size_t filtered_capacity, compressed_capacity, trial_capacity, scratch_capacity;
} fp_workspace;

enum { FP_WORKSPACE_KEEP = 16 << 20 };

static pthread_key_t fp_workspace_key;
static pthread_once_t fp_workspace_once = PTHREAD_ONCE_INIT;
static int fp_workspace_key_ok;

static void fp_workspace_release(fp_workspace *work) {
    libdeflate_free_compressor(work->compressor);
    free(work->filtered);
    free(work->compressed);
    free(work->trial);
    free(work->scratch);
    free(work);
}

static void fp_workspace_destroy(void *work) { fp_workspace_release((fp_workspace *)work); }

static void fp_workspace_make_key(void) {
    fp_workspace_key_ok = pthread_key_create(&fp_workspace_key, fp_workspace_destroy) == 0;
}

// This thread's workspace, made on first use; NULL when out of memory.
static fp_workspace *fp_workspace_get(void) {
    pthread_once(&fp_workspace_once, fp_workspace_make_key);
    fp_workspace *work = fp_workspace_key_ok ? (fp_workspace *)pthread_getspecific(fp_workspace_key) : NULL;
    if (work != NULL) return work;
    work = (fp_workspace *)calloc(1, sizeof *work);
    if (work != NULL && fp_workspace_key_ok && pthread_setspecific(fp_workspace_key, work) != 0) {
        free(work);
        return NULL;
    }
    return work;
}

// Gives the workspace back: kept for the next frame, or freed when it holds too much
// (or could not be registered with its thread).
static void fp_workspace_put(fp_workspace *work) {
    const size_t held = work->filtered_capacity + work->compressed_capacity + work->trial_capacity;
    if (!fp_workspace_key_ok || held > FP_WORKSPACE_KEEP) {
        if (fp_workspace_key_ok) pthread_setspecific(fp_workspace_key, NULL);
        fp_workspace_release(work);
    }
}

// `*buffer` with room for `size` bytes (contents not kept); NULL when out of memory.
static unsigned char *fp_buffer(unsigned char **buffer, size_t *capacity, size_t size) {
    if (*capacity >= size && *buffer != NULL) return *buffer;
    free(*buffer);
    *buffer = (unsigned char *)malloc(size ? size : 1);
    *capacity = *buffer != NULL ? size : 0;
    return *buffer;
}

// MARK: Compression

// Room for the zlib stream of `size` bytes (fp_compressor made the compressor ready).
static size_t fp_zlib_bound(fp_workspace *work, size_t size) {
    return libdeflate_zlib_compress_bound(work->compressor, size);
}

// Makes the workspace's compressor for `level` ready; 0 when out of memory.
static int fp_compressor(fp_workspace *work, int level) {
    if (work->compressor != NULL && work->level == level) return 1;
    libdeflate_free_compressor(work->compressor);
    work->compressor = libdeflate_alloc_compressor(level);
    work->level = level;
    return work->compressor != NULL;
}

// Compresses `size` bytes into a zlib stream with the compressor made ready by fp_compressor;
// 0 when `capacity` (at least fp_zlib_bound) is too small.
static size_t fp_zlib_compress(fp_workspace *work, const unsigned char *in, size_t size,
                               unsigned char *out, size_t capacity) {
    return libdeflate_zlib_compress(work->compressor, in, size, out, capacity);
}

// MARK: Filter choice

enum { FP_TRIAL_STRIPS = 6, FP_TRIAL_ROWS = 6 };

// Picks none, sub or up for the whole image by compressing six strips of six rows with each
// and keeping the smallest: the compressor's own verdict, on 36 rows. A sum-of-magnitudes test
// is cheaper but wrong here: it picks sub for drawn frames, the worst of the three; fewer or
// shorter strips misjudge large smooth gradients. Ties favour none, then sub. -1 when out of
// memory, -2 when `alpha` is 0 and a sampled pixel is not opaque.
static int fp_choose_by_trial(fp_workspace *work, const unsigned char *pixels,
                              int width, int height, int stride, int alpha) {
    const size_t length = (size_t)width * (size_t)(alpha ? 4 : 3) + 1;
    const int rows = height < FP_TRIAL_ROWS ? height : FP_TRIAL_ROWS;
    const int strips = height < FP_TRIAL_STRIPS * FP_TRIAL_ROWS ? 1 : FP_TRIAL_STRIPS;
    const size_t sample = length * (size_t)rows * (size_t)strips;
    const size_t bound = fp_zlib_bound(work, sample);
    unsigned char *buffer = fp_buffer(&work->trial, &work->trial_capacity, sample + bound);
    if (buffer == NULL) return -1;
    size_t best_size = SIZE_MAX;
    int best = FP_PNG_FILTER_NONE;
    for (int filter = FP_PNG_FILTER_NONE; filter <= FP_PNG_FILTER_UP; filter++) {
        for (int k = 0; k < strips; k++) {
            const int first = strips == 1 ? 0 : (height - rows) * (k + 1) / (strips + 1);
            if (fp_filter_rows(pixels, width, first, rows, stride, alpha, filter, work->scratch,
                               buffer + (size_t)k * (size_t)rows * length) == -2) return -2;
        }
        size_t size = fp_zlib_compress(work, buffer, sample, buffer + sample, bound);
        if (size > 0 && size < best_size) { best_size = size; best = filter; }
    }
    return best;
}

// MARK: Encoding

// Filters and compresses the image into `work->compressed`: FP_PNG_OK with the compressed size
// in `*size` and the filter applied in `*used`, or an error code with `out->message` set.
static int fp_compress_image(fp_workspace *work, const unsigned char *pixels, int width, int height,
                             int stride, int alpha, int level, int filter, size_t *size, int *used,
                             fp_png_output *out) {
    const size_t length = (size_t)width * (size_t)(alpha ? 4 : 3);
    const size_t filtered_size = (length + 1) * (size_t)height;
    if (!fp_compressor(work, level) || fp_buffer(&work->scratch, &work->scratch_capacity, 7 * length) == NULL
        || fp_buffer(&work->filtered, &work->filtered_capacity, filtered_size) == NULL) {
        snprintf(out->message, sizeof out->message, "out of memory for %zu bytes of filtered rows", filtered_size);
        return FP_PNG_ERROR_MEMORY;
    }
    *used = filter == FP_PNG_FILTER_PER_IMAGE ? fp_choose_by_trial(work, pixels, width, height, stride, alpha) : filter;
    if (*used == -2) return FP_PNG_RETRY_WITH_ALPHA;
    const size_t bound = fp_zlib_bound(work, filtered_size);
    if (*used < 0 || fp_buffer(&work->compressed, &work->compressed_capacity, bound) == NULL) {
        snprintf(out->message, sizeof out->message, "out of memory for %zu bytes of compressed data", bound);
        return FP_PNG_ERROR_MEMORY;
    }
    if (fp_filter_rows(pixels, width, 0, height, stride, alpha, *used, work->scratch, work->filtered) == -2) {
        return FP_PNG_RETRY_WITH_ALPHA;
    }
    *size = fp_zlib_compress(work, work->filtered, filtered_size, work->compressed, bound);
    if (*size == 0 || *size > 0x7fffffffu) {
        snprintf(out->message, sizeof out->message, "libdeflate could not compress %zu bytes", filtered_size);
        return FP_PNG_ERROR_DEFLATE;
    }
    return FP_PNG_OK;
}

int fp_png_encode_one_shot(const unsigned char *pixels, int width, int height, int stride, int alpha,
                           int level, int filter, uint32_t pixels_per_meter,
                           const char *const *text_keys, const char *const *text_values, int text_count,
                           fp_png_output *out) {
    fp_workspace *work = fp_workspace_get();
    if (work == NULL) {
        snprintf(out->message, sizeof out->message, "out of memory for the encoder's workspace");
        return FP_PNG_ERROR_MEMORY;
    }
    int used = filter;
    size_t compressed = 0;
    const int code = fp_compress_image(work, pixels, width, height, stride, alpha, level, filter, &compressed, &used, out);
    if (code != FP_PNG_OK) {
        fp_workspace_put(work);
        return code;
    }

    size_t texts = 0;
    for (int i = 0; i < text_count; i++) texts += 12 + strlen(text_keys[i]) + 1 + strlen(text_values[i]);
    const size_t capacity = 8 + 25 + (pixels_per_meter > 0 ? 21 : 0) + texts + 12 + compressed + 12;
    unsigned char *file = (unsigned char *)malloc(capacity);
    if (file == NULL) {
        fp_workspace_put(work);
        snprintf(out->message, sizeof out->message, "out of memory for a %zu-byte PNG buffer", capacity);
        return FP_PNG_ERROR_MEMORY;
    }

    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    unsigned char *p = file, *type;
    memcpy(p, signature, 8);
    p += 8;

    type = p + 4;
    p = fp_chunk_start(p, "IHDR", 13);
    p = fp_put32(p, (uint32_t)width);
    p = fp_put32(p, (uint32_t)height);
    *p++ = 8;                    // bit depth
    *p++ = alpha ? 6 : 2;        // colour type: RGBA or RGB
    *p++ = 0;                    // deflate
    *p++ = 0;                    // adaptive filtering (a filter-type byte per row)
    *p++ = 0;                    // no interlace
    p = fp_chunk_end(type, p);

    if (pixels_per_meter > 0) {
        type = p + 4;
        p = fp_chunk_start(p, "pHYs", 9);
        p = fp_put32(p, pixels_per_meter);
        p = fp_put32(p, pixels_per_meter);
        *p++ = 1;                // unit: metre
        p = fp_chunk_end(type, p);
    }

    for (int i = 0; i < text_count; i++) {
        const size_t key = strlen(text_keys[i]), value = strlen(text_values[i]);
        type = p + 4;
        p = fp_chunk_start(p, "tEXt", (uint32_t)(key + 1 + value));
        memcpy(p, text_keys[i], key + 1);    // with its zero separator
        p += key + 1;
        memcpy(p, text_values[i], value);
        p += value;
        p = fp_chunk_end(type, p);
    }

    type = p + 4;
    p = fp_chunk_start(p, "IDAT", (uint32_t)compressed);
    memcpy(p, work->compressed, compressed);
    p = fp_chunk_end(type, p + compressed);
    fp_workspace_put(work);

    type = p + 4;
    p = fp_chunk_start(p, "IEND", 0);
    p = fp_chunk_end(type, p);

    out->data = file;
    out->size = (size_t)(p - file);
    out->capacity = capacity;
    out->wrote_alpha = alpha;
    out->filter = used;
    out->encoder = FP_PNG_ENCODER_ONE_SHOT;
    return FP_PNG_OK;
}
