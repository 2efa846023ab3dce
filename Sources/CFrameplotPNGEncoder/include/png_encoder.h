#ifndef FRAMEPLOT_PNG_ENCODER_H
#define FRAMEPLOT_PNG_ENCODER_H
// Placeholder: the PNG encoder shim is implemented in png_encoder.c.
int fp_png_encoder_version(void);
#endif
