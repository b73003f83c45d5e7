/* Included first into every layer source (syslayer.mk): every symbol, even
 * one only declared here, is hidden, so taking its address is PC-relative
 * and the layer keeps no relocations (-fvisibility=hidden covers only
 * definitions). */
#pragma GCC visibility push(hidden)
