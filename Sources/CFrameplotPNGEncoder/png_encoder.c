#include "png_encoder.h"
#include "png_oneshot.h"
#include "png_rows.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fp_png_encoder_version(void) { return (int)png_access_version_number(); }

void fp_png_output_free(fp_png_output *out) {
    if (out == NULL) return;
    free(out->data);
    out->data = NULL;
    out->size = 0;
    out->capacity = 0;
}

static void fp_write(png_structp png, png_bytep bytes, png_size_t length) {
    fp_png_output *out = (fp_png_output *)png_get_io_ptr(png);
    if (out->failed) return;
    if (out->size + length > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 65536;
        while (capacity < out->size + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(out->data, capacity);
        if (grown == NULL) {
            out->failed = 1;
            png_error(png, "out of memory while growing the PNG buffer");
            return;
        }
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, bytes, length);
    out->size += length;
}

static void fp_flush(png_structp png) { (void)png; }

static void fp_error(png_structp png, png_const_charp message) {
    fp_png_output *out = (fp_png_output *)png_get_error_ptr(png);
    if (out != NULL) snprintf(out->message, sizeof out->message, "libpng: %s", message ? message : "unknown error");
    png_longjmp(png, 1);
}

static void fp_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

// libpng's flags for one of our filter choices.
static int fp_libpng_filters(int filter) {
    switch (filter) {
    case FP_PNG_FILTER_SUB: return PNG_FILTER_SUB;
    case FP_PNG_FILTER_UP: return PNG_FILTER_UP;
    case FP_PNG_FILTER_AVERAGE: return PNG_FILTER_AVG;
    case FP_PNG_FILTER_PAETH: return PNG_FILTER_PAETH;
    case FP_PNG_FILTER_ADAPTIVE: return PNG_ALL_FILTERS;
    default: return PNG_FILTER_NONE;
    }
}

// Checks the arguments shared by both encoders and zeroes `out`; 0 when they are usable.
static int fp_check_arguments(const unsigned char *pixels, int width, int height, int stride,
                              const char *const *text_keys, const char *const *text_values, int text_count,
                              fp_png_output *out) {
    memset(out, 0, sizeof *out);
    if (pixels == NULL || width <= 0 || height <= 0 || stride < width * 4) {
        snprintf(out->message, sizeof out->message, "invalid image: %dx%d, stride %d", width, height, stride);
        return FP_PNG_ERROR_ARGUMENT;
    }
    if (text_count < 0 || (text_count > 0 && (text_keys == NULL || text_values == NULL))) {
        snprintf(out->message, sizeof out->message, "invalid text chunks");
        return FP_PNG_ERROR_ARGUMENT;
    }
    for (int i = 0; i < text_count; i++) {
        size_t key = text_keys[i] ? strlen(text_keys[i]) : 0;
        if (key < 1 || key > 79 || text_values[i] == NULL) {
            snprintf(out->message, sizeof out->message, "invalid text chunk keyword");
            return FP_PNG_ERROR_ARGUMENT;
        }
    }
    return FP_PNG_OK;
}

static int fp_clamp(int value, int low, int high) { return value < low ? low : (value > high ? high : value); }

int fp_png_encode_argb32(const unsigned char *pixels, int width, int height, int stride,
                         int level, int filter, uint32_t pixels_per_meter,
                         const char *const *text_keys, const char *const *text_values, int text_count,
                         size_t one_shot_limit, fp_png_output *out) {
    if (out == NULL) return FP_PNG_ERROR_ARGUMENT;
    int code = fp_check_arguments(pixels, width, height, stride, text_keys, text_values, text_count, out);
    if (code != FP_PNG_OK) return code;
    level = fp_clamp(level, 0, 9);
    filter = fp_clamp(filter, 0, FP_PNG_FILTER_PER_IMAGE);
    // Frames are opaque: try RGB straight away where filtering checks opacity on the way,
    // which saves a pass over the pixels; an image found not to be opaque starts again.
    const int checks = filter == FP_PNG_FILTER_PER_IMAGE
        ? fp_filter_rows_checks_opacity(FP_PNG_FILTER_NONE) && fp_filter_rows_checks_opacity(FP_PNG_FILTER_SUB)
              && fp_filter_rows_checks_opacity(FP_PNG_FILTER_UP)
        : fp_filter_rows_checks_opacity(filter);
    if (checks && ((size_t)width * 3 + 1) * (size_t)height <= one_shot_limit) {
        code = fp_png_encode_one_shot(pixels, width, height, stride, 0, level, filter, pixels_per_meter,
                                      text_keys, text_values, text_count, out);
        if (code != FP_PNG_RETRY_WITH_ALPHA) return code;
        memset(out, 0, sizeof *out);
    }
    const int alpha = !fp_all_opaque(pixels, width, height, stride);
    const size_t filtered_size = ((size_t)width * (size_t)(alpha ? 4 : 3) + 1) * (size_t)height;
    if (filtered_size > one_shot_limit) {
        return fp_png_encode_argb32_libpng(pixels, width, height, stride, level, filter, pixels_per_meter,
                                           text_keys, text_values, text_count, out);
    }
    return fp_png_encode_one_shot(pixels, width, height, stride, alpha, level, filter, pixels_per_meter,
                                  text_keys, text_values, text_count, out);
}

int fp_png_encode_argb32_libpng(const unsigned char *pixels, int width, int height, int stride,
                                int level, int filter, uint32_t pixels_per_meter,
                                const char *const *text_keys, const char *const *text_values, int text_count,
                                fp_png_output *out) {
    if (out == NULL) return FP_PNG_ERROR_ARGUMENT;
    int code = fp_check_arguments(pixels, width, height, stride, text_keys, text_values, text_count, out);
    if (code != FP_PNG_OK) return code;
    level = fp_clamp(level, 0, 9);
    filter = fp_clamp(filter, 0, FP_PNG_FILTER_PER_IMAGE);
    const int opaque = fp_all_opaque(pixels, width, height, stride);
    // Row by row there is no whole image to try filters on: up suits drawings best.
    if (filter == FP_PNG_FILTER_PER_IMAGE) filter = FP_PNG_FILTER_UP;

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, out, fp_error, fp_warning);
    if (png == NULL) {
        snprintf(out->message, sizeof out->message, "libpng: could not create the write structure");
        return FP_PNG_ERROR_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        snprintf(out->message, sizeof out->message, "libpng: could not create the info structure");
        return FP_PNG_ERROR_MEMORY;
    }
    // `volatile`: modified between setjmp and a possible longjmp.
    unsigned char *volatile row_buffer = NULL;
    png_text *volatile texts = NULL;

    if (setjmp(png_jmpbuf(png))) {
        free(row_buffer);
        free(texts);
        png_destroy_write_struct(&png, &info);
        fp_png_output_free(out);
        if (out->message[0] == '\0') snprintf(out->message, sizeof out->message, "libpng: encoding failed");
        return out->failed ? FP_PNG_ERROR_MEMORY : FP_PNG_ERROR_LIBPNG;
    }

    png_set_write_fn(png, out, fp_write, fp_flush);
    png_set_compression_level(png, level);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, fp_libpng_filters(filter));
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (pixels_per_meter > 0) {
        png_set_pHYs(png, info, pixels_per_meter, pixels_per_meter, PNG_RESOLUTION_METER);
    }
    if (text_count > 0 && text_keys != NULL && text_values != NULL) {
        texts = (png_text *)calloc((size_t)text_count, sizeof(png_text));
        if (texts == NULL) {
            out->failed = 1;
            png_error(png, "out of memory for text chunks");
        }
        for (int i = 0; i < text_count; i++) {
            texts[i].compression = PNG_TEXT_COMPRESSION_NONE;
            texts[i].key = (png_charp)text_keys[i];
            texts[i].text = (png_charp)text_values[i];
            texts[i].text_length = strlen(text_values[i]);
        }
        png_set_text(png, info, texts, text_count);
    }
    png_write_info(png, info);

    if (opaque) {
        // The rows go to libpng untouched: it drops the alpha byte and reorders to RGB.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        png_set_filler(png, 0, PNG_FILLER_BEFORE);   // A,R,G,B in memory
#else
        png_set_bgr(png);
        png_set_filler(png, 0, PNG_FILLER_AFTER);    // B,G,R,A in memory
#endif
        for (int y = 0; y < height; y++) {
            png_write_row(png, (png_const_bytep)(pixels + (size_t)y * (size_t)stride));
        }
    } else {
        row_buffer = (unsigned char *)malloc((size_t)width * 4);
        if (row_buffer == NULL) {
            out->failed = 1;
            png_error(png, "out of memory for a row buffer");
        }
        for (int y = 0; y < height; y++) {
            fp_straight_row(pixels + (size_t)y * (size_t)stride, width, 1, row_buffer);
            png_write_row(png, row_buffer);
        }
    }
    png_write_end(png, info);
    free(row_buffer);
    free(texts);
    png_destroy_write_struct(&png, &info);
    out->wrote_alpha = opaque ? 0 : 1;
    out->filter = filter;
    out->encoder = FP_PNG_ENCODER_LIBPNG;
    return FP_PNG_OK;
}

void fp_png_image_free(fp_png_image *image) {
    if (image == NULL) return;
    free(image->pixels);
    image->pixels = NULL;
}

int fp_png_decode_rgba(const unsigned char *data, size_t size, fp_png_image *out) {
    if (out == NULL) return FP_PNG_ERROR_ARGUMENT;
    memset(out, 0, sizeof *out);
    if (data == NULL || size == 0) {
        snprintf(out->message, sizeof out->message, "no PNG data");
        return FP_PNG_ERROR_ARGUMENT;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        snprintf(out->message, sizeof out->message, "libpng: %s", image.message);
        png_image_free(&image);
        return FP_PNG_ERROR_LIBPNG;
    }
    image.format = PNG_FORMAT_RGBA;
    if ((uint64_t)image.width * (uint64_t)image.height > ((uint64_t)1 << 28)) {
        snprintf(out->message, sizeof out->message, "image too large: %ux%u", image.width, image.height);
        png_image_free(&image);
        return FP_PNG_ERROR_ARGUMENT;
    }
    size_t bytes = PNG_IMAGE_SIZE(image);
    unsigned char *pixels = (unsigned char *)malloc(bytes ? bytes : 1);
    if (pixels == NULL) {
        snprintf(out->message, sizeof out->message, "out of memory");
        png_image_free(&image);
        return FP_PNG_ERROR_MEMORY;
    }
    if (!png_image_finish_read(&image, NULL, pixels, 0, NULL)) {
        snprintf(out->message, sizeof out->message, "libpng: %s", image.message);
        free(pixels);
        png_image_free(&image);
        return FP_PNG_ERROR_LIBPNG;
    }
    out->pixels = pixels;
    out->width = (int)image.width;
    out->height = (int)image.height;
    return FP_PNG_OK;
}
