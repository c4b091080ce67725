/* no_image.c - the empty image table that tools/mkimage links: the tool
 * compiles the library from source, so it needs no image of its own. */
#include "image.h"

const EmbeddedImage embedded_image[] = {{NULL, 0, NULL, 0}};
