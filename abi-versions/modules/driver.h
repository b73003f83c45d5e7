/* banos modules: the two records a module and the kernel agree on.
 *
 *   .banos-driver  exactly one struct banos_driver_record per module
 *   .banos-export  struct banos_export entries, the names a module (or the
 *                  kernel) offers to modules loaded after it
 *
 * Shared by the kernel, its module loader and every module. Names and
 * requirements are stored inline (fixed arrays) so the loader can check
 * them in the file before it relocates anything; only init and uninit are
 * pointers. The layout is frozen: a new field needs a larger record_size. */
#ifndef BANOS_ABI_MODULES_DRIVER_H
#define BANOS_ABI_MODULES_DRIVER_H

#include <stdint.h>

/* The kernel's module API version. Appending names to the exported API
 * raises the minor number; a module states the least version it needs. */
#define BANOS_API_MAJOR 1
#define BANOS_API_MINOR 1
#define BANOS_API_PATCH 0

#define BANOS_DRIVER_MAGIC 0x44534f42u /* "BOSD" */
#define BANOS_DRIVER_NAME_SIZE 32
#define BANOS_DRIVER_TEXT_SIZE 16
#define BANOS_DRIVER_MAX_REQUIRES 4

struct banos_api_version {
    uint16_t major;
    uint16_t minor;
    uint16_t patch;
    uint16_t reserved;
};

struct banos_driver_record {
    uint32_t record_size; /* sizeof(struct banos_driver_record) */
    uint32_t magic;       /* BANOS_DRIVER_MAGIC */
    struct banos_api_version min_api;
    char name[BANOS_DRIVER_NAME_SIZE];       /* NUL-terminated, [a-z0-9_-] */
    char license[BANOS_DRIVER_TEXT_SIZE];
    char version[BANOS_DRIVER_TEXT_SIZE];
    /* 0 on success; otherwise a negative error and the module is unwound. */
    int (*init)(void);
    void (*uninit)(void);
    /* Names of modules that must be installed first; empty entries end it. */
    char required[BANOS_DRIVER_MAX_REQUIRES][BANOS_DRIVER_NAME_SIZE];
};

struct banos_export {
    const char* name;
    const void* address;
};

#ifdef __cplusplus
static_assert(sizeof(struct banos_api_version) == 8, "banos_api_version layout");
static_assert(sizeof(struct banos_driver_record) == 224, "banos_driver_record layout");
static_assert(__builtin_offsetof(struct banos_driver_record, name) == 16, "banos_driver_record.name");
static_assert(__builtin_offsetof(struct banos_driver_record, init) == 80, "banos_driver_record.init");
static_assert(__builtin_offsetof(struct banos_driver_record, uninit) == 88, "banos_driver_record.uninit");
static_assert(__builtin_offsetof(struct banos_driver_record, required) == 96, "banos_driver_record.required");
static_assert(sizeof(struct banos_export) == 16, "banos_export layout");
#else
_Static_assert(sizeof(struct banos_driver_record) == 224, "banos_driver_record layout");
_Static_assert(sizeof(struct banos_export) == 16, "banos_export layout");
#endif

#define BANOS_EXPORT_SECTION ".banos-export"
#define BANOS_DRIVER_SECTION ".banos-driver"

/* Offers `symbol` (an extern "C" function or object) to modules by its own
 * name. The entry's symbol (__banos_export_<symbol>) names the export in
 * the symbol table, which the module build check reads. */
#define BANOS_EXPORT(symbol)                                                                         \
    __attribute__((section(BANOS_EXPORT_SECTION), used, aligned(8))) static const struct banos_export \
        __banos_export_##symbol = { #symbol, (const void*)&symbol }

/* The module's one record: BANOS_DRIVER("name", "license", "version",
 * init, uninit, "required", ...) needing the API version of the headers it
 * was built with (BANOS_DRIVER_NEEDING names an explicit one). */
#define BANOS_DRIVER_NEEDING(major, minor, patch, name, license, version, init, uninit, ...)              \
    __attribute__((section(BANOS_DRIVER_SECTION), used, aligned(8))) static const struct banos_driver_record \
        __banos_driver = { sizeof(struct banos_driver_record), BANOS_DRIVER_MAGIC, { major, minor, patch, 0 },  \
                           name, license, version, init, uninit, { __VA_ARGS__ } }
#define BANOS_DRIVER(name, license, version, init, uninit, ...)                                            \
    BANOS_DRIVER_NEEDING(BANOS_API_MAJOR, BANOS_API_MINOR, BANOS_API_PATCH, name, license, version, init, uninit, \
                         __VA_ARGS__)

#endif
