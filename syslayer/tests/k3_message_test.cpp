// Kernel ABI 3's message entry, both sides of its pure parts: how the layer
// builds a message and reads an answer, and that every kernel error comes
// back to the layer as the error the kernel meant.
#include <gtest/gtest.h>

#include <set>
#include <stddef.h>

#include "back/k3/message.h"
#include "kabi/v3/error_codes.h"

namespace {

TEST(K3Message, LayoutIsTheAbis)
{
    EXPECT_EQ(sizeof(banos_k3_message), 72u);
    EXPECT_EQ(offsetof(banos_k3_message, arguments), 8u);
    EXPECT_EQ(offsetof(banos_k3_message, value), 56u);
    EXPECT_EQ(offsetof(banos_k3_message, error), 64u);
}

TEST(K3Message, CarriesOperationAndArgumentsInOrder)
{
    banos_k3_message m = layer::trap::make_message(layer::trap::pread, 3, 0x1000, 64, 4096);
    EXPECT_EQ(m.operation, 0x503u);
    EXPECT_EQ(m.state, static_cast<uint32_t>(BANOS_K3_STATE_SUBMITTED));
    EXPECT_EQ(m.arguments[0], 3u);
    EXPECT_EQ(m.arguments[1], 0x1000u);
    EXPECT_EQ(m.arguments[2], 64u);
    EXPECT_EQ(m.arguments[3], 4096u);
    EXPECT_EQ(m.arguments[4], 0u);
    EXPECT_EQ(m.arguments[5], 0u);
    EXPECT_EQ(m.value, 0);
    EXPECT_EQ(m.error, 0u);
}

TEST(K3Message, OperationNumbersComeFromOpsDef)
{
    EXPECT_EQ(layer::trap::exit, 0x101u);
    EXPECT_EQ(layer::trap::sigreturn, 0x205u);
    EXPECT_EQ(layer::trap::read, 0x501u);
    EXPECT_EQ(layer::trap::faccessat, 0x60fu);
}

TEST(K3Answer, SuccessKeepsTheValue)
{
    layer::Status status = layer::trap::status_of(-5, 0); // lseek-like values may be anything
    EXPECT_FALSE(status.failed());
    EXPECT_EQ(status.value, -5);
}

TEST(K3Answer, UnknownCodesReadAsIoError)
{
    EXPECT_EQ(layer::trap::status_of(0, 200).error, layer::Error::IoError);
    EXPECT_EQ(layer::trap::status_of(0, 1u << 20).error, layer::Error::IoError);
    // PENDING is not an error; if it ever reached the translation it must
    // not pass for success.
    EXPECT_TRUE(layer::trap::status_of(0, BANOS_K3_PENDING).failed());
}

TEST(K3Errors, EveryNeutralErrorHasItsOwnKernelCode)
{
    std::set<uint32_t> seen;
    for (unsigned i = 0; i < static_cast<unsigned>(klib::ErrorCode::Count); ++i) {
        uint32_t code = kabi::v3::error_code(static_cast<klib::ErrorCode>(i));
        EXPECT_NE(code, 0u) << klib::error_name(static_cast<klib::ErrorCode>(i));
        EXPECT_NE(code, static_cast<uint32_t>(BANOS_K3_PENDING));
        EXPECT_TRUE(seen.insert(code).second) << "code " << code << " used twice";
    }
}

TEST(K3Errors, KernelCodesComeBackAsTheSameError)
{
    // klib::ErrorCode and layer::Error enumerate the same error_codes.def
    // (the layer's with None first).
    for (unsigned i = 0; i < static_cast<unsigned>(klib::ErrorCode::Count); ++i) {
        auto kernel = static_cast<klib::ErrorCode>(i);
        uint32_t code = kabi::v3::error_code(kernel);
        EXPECT_EQ(layer::trap::error_of(code), static_cast<layer::Error>(i + 1)) << klib::error_name(kernel);
    }
}

TEST(K3Errors, CodesAreNotErrnoNumbers)
{
    // The point of the enumeration: the layer must translate. ENOENT is 2,
    // kernel ABI 3's NoEntry is 3.
    EXPECT_EQ(kabi::v3::error_code(klib::ErrorCode::NoEntry), 3u);
    EXPECT_EQ(kabi::v3::error_code(klib::ErrorCode::Interrupted), 23u);
}

} // namespace
