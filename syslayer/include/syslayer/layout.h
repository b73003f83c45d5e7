/* Where a layer's pieces sit in the window (offsets from its start). Read
 * by the layer's linker script (through the C preprocessor) and by its
 * descriptor, so both always agree. */
#ifndef BANOS_SYSLAYER_LAYOUT_H
#define BANOS_SYSLAYER_LAYOUT_H

#define LAYER_PRIVATE_OFFSET 0x3c000
#define LAYER_PRIVATE_SIZE 0x2000
#define LAYER_KPMAP_OFFSET 0x3e000
#define LAYER_UPMAP_OFFSET 0x3f000

#endif
