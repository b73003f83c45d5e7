// The psABI relocation arithmetic and the variant II static TLS layout.
#include <gtest/gtest.h>

#include "ld-elf/core/relocation.h"

using namespace ldelf;

TEST(Relocation, Types)
{
    EXPECT_EQ(relocation_of(0), Relocation::None);
    EXPECT_EQ(relocation_of(1), Relocation::Absolute64);
    EXPECT_EQ(relocation_of(5), Relocation::Copy);
    EXPECT_EQ(relocation_of(6), Relocation::GlobDat);
    EXPECT_EQ(relocation_of(7), Relocation::JumpSlot);
    EXPECT_EQ(relocation_of(8), Relocation::Relative);
    EXPECT_EQ(relocation_of(16), Relocation::DtpMod64);
    EXPECT_EQ(relocation_of(17), Relocation::DtpOff64);
    EXPECT_EQ(relocation_of(18), Relocation::TpOff64);
    for (uint32_t type : { 2u, 3u, 4u, 9u, 10u, 11u, 37u, 42u, 1000u })
        EXPECT_EQ(relocation_of(type), Relocation::Unsupported) << type;
}

TEST(Relocation, Values)
{
    RelocationInput in { 0x7f0000000000, 0x40, 0x555555554000 + 0x1230, 3, 0x80 };
    EXPECT_EQ(relocation_value(Relocation::Relative, in), 0x7f0000000040u);            // B + A
    EXPECT_EQ(relocation_value(Relocation::Absolute64, in), 0x555555555270u);         // S + A
    EXPECT_EQ(relocation_value(Relocation::GlobDat, in), 0x555555555230u);            // S
    EXPECT_EQ(relocation_value(Relocation::JumpSlot, in), 0x555555555230u);           // S
    EXPECT_EQ(relocation_value(Relocation::DtpMod64, in), 3u);
    EXPECT_EQ(relocation_value(Relocation::None, in), 0u);
    EXPECT_EQ(relocation_value(Relocation::Unsupported, in), 0u);

    // TLS: S is the symbol's offset in its block.
    RelocationInput tls { 0, 8, 0x10, 2, 0x40 };
    EXPECT_EQ(relocation_value(Relocation::DtpOff64, tls), 0x18u);
    // The block sits 0x40 below the thread pointer: tp - 0x40 + 0x18.
    EXPECT_EQ(relocation_value(Relocation::TpOff64, tls), static_cast<uint64_t>(-0x28));
}

TEST(Relocation, NegativeAddends)
{
    RelocationInput in { 0x1000, -0x10, 0x2000, 0, 0 };
    EXPECT_EQ(relocation_value(Relocation::Relative, in), 0xff0u);
    EXPECT_EQ(relocation_value(Relocation::Absolute64, in), 0x1ff0u);
}

TEST(StaticTls, VariantTwoPlacement)
{
    // The program's block: its size rounded up to its alignment (what the
    // kernel uses when it builds the first TCB).
    EXPECT_EQ(static_tls_offset(0, 0x14, 8), 0x18u);
    EXPECT_EQ(static_tls_offset(0, 0x14, 0), 0x14u);
    // Then each library below the previous ones, aligned.
    EXPECT_EQ(static_tls_offset(0x18, 0x4, 4), 0x1cu);
    EXPECT_EQ(static_tls_offset(0x1c, 0x48, 64), 0x80u);
    EXPECT_EQ(static_tls_offset(0x80, 1, 1), 0x81u);
    // Offsets stay multiples of the alignment, so a 64-aligned thread
    // pointer gives aligned blocks.
    for (uint64_t used = 0; used < 300; used += 7)
        for (uint64_t align : { 1u, 2u, 8u, 16u, 64u }) {
            uint64_t offset = static_tls_offset(used, 13, align);
            EXPECT_EQ(offset % align, 0u);
            EXPECT_GE(offset, used + 13);
            EXPECT_LT(offset, used + 13 + align);
        }
}

TEST(Relr, AddressEntriesAndBitmapsRelocateExactlyTheNamedWords)
{
    // An object image of 200 words; the load bias is its address (its link
    // address 0), so entry offsets are byte offsets into it.
    uint64_t image[200] = {};
    for (uint64_t i = 0; i < 200; ++i)
        image[i] = i;
    uint64_t base = reinterpret_cast<uint64_t>(image);
    const uint64_t entries[] = {
        2 * 8,                     // word 2; the cursor moves to word 3
        (1ull << 1) | (1ull << 3) | 1, // bitmap from word 3: words 3 and 5; cursor to 66
        (1ull << 63) | 1,          // bitmap from word 66: its last bit, word 66 + 62
        150 * 8,                   // word 150
        (1ull << 1) | 1,           // bitmap from word 151: word 151
    };
    apply_relr(base, entries, sizeof(entries) / sizeof(entries[0]));
    for (uint64_t i = 0; i < 200; ++i) {
        bool named = i == 2 || i == 3 || i == 5 || i == 128 || i == 150 || i == 151;
        EXPECT_EQ(image[i], named ? i + base : i) << "word " << i;
    }
}

TEST(Relr, ABitmapBeforeAnyAddressIsIgnored)
{
    uint64_t image[4] = { 1, 2, 3, 4 };
    const uint64_t entries[] = { 0xffull };
    apply_relr(reinterpret_cast<uint64_t>(image), entries, 1);
    EXPECT_EQ(image[0], 1u);
    EXPECT_EQ(image[3], 4u);
}
