#include "png_encoder.h"
#include <png.h>
int fp_png_encoder_version(void) { return (int)png_access_version_number(); }
