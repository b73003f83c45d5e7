// libc's private symbols: hidden, so a future shared libc keeps them in.
#pragma once

#define LIBC_HIDDEN __attribute__((visibility("hidden")))
