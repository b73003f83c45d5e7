// The bulk moves shared by the kernel, ld-elf and the layers: every length
// around their block and word boundaries, overlapping both ways.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "arch/x86_64/lib/block_ops.h"

namespace {

std::vector<unsigned char> pattern(size_t size)
{
    std::vector<unsigned char> bytes(size);
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<unsigned char>(i * 7 + 3);
    return bytes;
}

TEST(BlockOps, CopyAndFillEveryLength)
{
    for (size_t count = 0; count <= 200; ++count) {
        auto source = pattern(count + 16);
        std::vector<unsigned char> target(count + 16, 0xee);
        block_ops::copy(target.data() + 3, source.data() + 5, count);
        EXPECT_EQ(std::memcmp(target.data() + 3, source.data() + 5, count), 0) << count;
        EXPECT_EQ(target[2], 0xee);
        EXPECT_EQ(target[3 + count], 0xee) << count;
        block_ops::fill(target.data() + 1, 0x5a, count);
        for (size_t i = 0; i < count; ++i)
            ASSERT_EQ(target[1 + i], 0x5a) << count;
        EXPECT_EQ(target[0], 0xee);
    }
}

TEST(BlockOps, OverlappingMovesBothWays)
{
    for (size_t count = 0; count <= 150; ++count) {
        for (size_t shift : { 1, 3, 8, 13, 64, 70 }) {
            auto original = pattern(count + shift + 8);
            auto up = original;
            block_ops::copy_backward(up.data() + shift, up.data(), count); // destination above the source
            auto expected = original;
            std::memmove(expected.data() + shift, expected.data(), count);
            ASSERT_EQ(up, expected) << "up " << count << " by " << shift;

            auto down = original;
            block_ops::copy(down.data(), down.data() + shift, count); // destination below the source
            expected = original;
            std::memmove(expected.data(), expected.data() + shift, count);
            ASSERT_EQ(down, expected) << "down " << count << " by " << shift;
        }
    }
}

} // namespace
