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
