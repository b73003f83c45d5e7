#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "tty/scancode_set1.h"

namespace {

using tty::ScancodeSet1Decoder;

class ScancodeTest : public ::testing::Test {
protected:
    std::string feed(std::initializer_list<uint8_t> scancodes)
    {
        std::string text;
        for (uint8_t code : scancodes) {
            uint8_t out[ScancodeSet1Decoder::kMaxOutput];
            size_t n = decoder.feed(code, out);
            text.append(reinterpret_cast<const char*>(out), n);
        }
        return text;
    }

    // A key pressed and released.
    std::string tap(uint8_t code) { return feed({ code, static_cast<uint8_t>(code | 0x80) }); }

    ScancodeSet1Decoder decoder;
};

constexpr uint8_t kLeftShift = 0x2a, kRightShift = 0x36, kCtrl = 0x1d, kAlt = 0x38, kCapsLock = 0x3a,
                  kNumLock = 0x45;
constexpr uint8_t kA = 0x1e, kC = 0x2e, kD = 0x20, kZ = 0x2c, k1 = 0x02;

TEST_F(ScancodeTest, LettersDigitsAndPunctuation)
{
    EXPECT_EQ(tap(kA), "a");
    EXPECT_EQ(tap(kZ), "z");
    EXPECT_EQ(tap(k1), "1");
    EXPECT_EQ(tap(0x0b), "0");
    EXPECT_EQ(tap(0x0c), "-");
    EXPECT_EQ(tap(0x0d), "=");
    EXPECT_EQ(tap(0x1a), "[");
    EXPECT_EQ(tap(0x27), ";");
    EXPECT_EQ(tap(0x28), "'");
    EXPECT_EQ(tap(0x29), "`");
    EXPECT_EQ(tap(0x2b), "\\");
    EXPECT_EQ(tap(0x33), ",");
    EXPECT_EQ(tap(0x35), "/");
    EXPECT_EQ(tap(0x39), " ");
    EXPECT_EQ(tap(0x37), "*");
}

TEST_F(ScancodeTest, EditingKeys)
{
    EXPECT_EQ(tap(0x1c), "\r");
    EXPECT_EQ(tap(0x0e), "\x7f");
    EXPECT_EQ(tap(0x0f), "\t");
    EXPECT_EQ(tap(0x01), "\x1b");
}

TEST_F(ScancodeTest, ReleasesProduceNothing)
{
    EXPECT_EQ(feed({ 0x9e, 0x82, 0x9c }), "");
}

TEST_F(ScancodeTest, ShiftWhileHeld)
{
    feed({ kLeftShift });
    EXPECT_TRUE(decoder.shift());
    EXPECT_EQ(tap(kA), "A");
    EXPECT_EQ(tap(k1), "!");
    EXPECT_EQ(tap(0x0c), "_");
    EXPECT_EQ(tap(0x35), "?");
    EXPECT_EQ(tap(0x29), "~");
    EXPECT_EQ(tap(0x2b), "|");
    EXPECT_EQ(tap(0x28), "\"");
    feed({ kLeftShift | 0x80 });
    EXPECT_FALSE(decoder.shift());
    EXPECT_EQ(tap(kA), "a");
    feed({ kRightShift });
    EXPECT_EQ(tap(0x03), "@");
    feed({ kRightShift | 0x80 });
    EXPECT_EQ(tap(0x03), "2");
}

TEST_F(ScancodeTest, CapsLockTogglesLettersOnly)
{
    tap(kCapsLock);
    EXPECT_TRUE(decoder.caps_lock());
    EXPECT_EQ(tap(kA), "A");
    EXPECT_EQ(tap(k1), "1");
    feed({ kLeftShift });
    EXPECT_EQ(tap(kA), "a");
    EXPECT_EQ(tap(k1), "!");
    feed({ kLeftShift | 0x80 });
    tap(kCapsLock);
    EXPECT_FALSE(decoder.caps_lock());
    EXPECT_EQ(tap(kA), "a");
}

TEST_F(ScancodeTest, CtrlMakesControlCharacters)
{
    feed({ kCtrl });
    EXPECT_EQ(tap(kC), "\x03");
    EXPECT_EQ(tap(kD), "\x04");
    EXPECT_EQ(tap(kZ), "\x1a");
    EXPECT_EQ(tap(0x1a), "\x1b"); // [
    EXPECT_EQ(tap(0x2b), "\x1c"); // backslash
    EXPECT_EQ(tap(0x1b), "\x1d"); // ]
    EXPECT_EQ(tap(0x39), std::string(1, '\0'));
    feed({ kLeftShift });
    EXPECT_EQ(tap(kC), "\x03"); // Ctrl+Shift+C too
    feed({ kLeftShift | 0x80, kCtrl | 0x80 });
    EXPECT_EQ(tap(kC), "c");
    // The right Ctrl.
    feed({ 0xe0, kCtrl });
    EXPECT_TRUE(decoder.ctrl());
    EXPECT_EQ(tap(kC), "\x03");
    feed({ 0xe0, kCtrl | 0x80 });
    EXPECT_FALSE(decoder.ctrl());
}

TEST_F(ScancodeTest, AltSendsEscapeFirst)
{
    feed({ kAlt });
    EXPECT_EQ(tap(0x2d), "\x1bx");
    feed({ kAlt | 0x80 });
    EXPECT_EQ(tap(0x2d), "x");
}

TEST_F(ScancodeTest, CursorKeysAreAnsiSequences)
{
    EXPECT_EQ(feed({ 0xe0, 0x48, 0xe0, 0xc8 }), "\x1b[A");
    EXPECT_EQ(feed({ 0xe0, 0x50, 0xe0, 0xd0 }), "\x1b[B");
    EXPECT_EQ(feed({ 0xe0, 0x4d, 0xe0, 0xcd }), "\x1b[C");
    EXPECT_EQ(feed({ 0xe0, 0x4b, 0xe0, 0xcb }), "\x1b[D");
    EXPECT_EQ(feed({ 0xe0, 0x47 }), "\x1b[H");
    EXPECT_EQ(feed({ 0xe0, 0x4f }), "\x1b[F");
    EXPECT_EQ(feed({ 0xe0, 0x53 }), "\x1b[3~");
    EXPECT_EQ(feed({ 0xe0, 0x49 }), "\x1b[5~");
    EXPECT_EQ(feed({ 0xe0, 0x51 }), "\x1b[6~");
    EXPECT_EQ(feed({ 0xe0, 0x1c }), "\r"); // keypad Enter
    EXPECT_EQ(feed({ 0xe0, 0x35 }), "/");  // keypad /
}

TEST_F(ScancodeTest, KeypadFollowsNumLock)
{
    EXPECT_EQ(tap(0x48), "\x1b[A");
    EXPECT_EQ(tap(0x4a), "-");
    EXPECT_EQ(tap(0x4c), "");
    tap(kNumLock);
    EXPECT_TRUE(decoder.num_lock());
    EXPECT_EQ(tap(0x48), "8");
    EXPECT_EQ(tap(0x52), "0");
    EXPECT_EQ(tap(0x53), ".");
    EXPECT_EQ(tap(0x4e), "+");
}

TEST_F(ScancodeTest, FunctionKeys)
{
    EXPECT_EQ(tap(0x3b), "\x1bOP");
    EXPECT_EQ(tap(0x3e), "\x1bOS");
    EXPECT_EQ(tap(0x3f), "\x1b[15~");
    EXPECT_EQ(tap(0x44), "\x1b[21~");
    EXPECT_EQ(tap(0x57), "\x1b[23~");
    EXPECT_EQ(tap(0x58), "\x1b[24~");
}

TEST_F(ScancodeTest, FakeShiftsAndPauseAreIgnored)
{
    // Print Screen: E0 2A E0 37, the E0 2A being a fake shift.
    EXPECT_EQ(feed({ 0xe0, 0x2a, 0xe0, 0x37, 0xe0, 0xb7, 0xe0, 0xaa }), "");
    EXPECT_FALSE(decoder.shift());
    EXPECT_EQ(tap(kA), "a");
    EXPECT_EQ(feed({ 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5 }), "");
    EXPECT_FALSE(decoder.num_lock());
    EXPECT_FALSE(decoder.ctrl());
    EXPECT_EQ(tap(kA), "a");
}

TEST_F(ScancodeTest, ControllerRepliesAreIgnored)
{
    EXPECT_EQ(feed({ 0xfa, 0xfe, 0xee, 0x00, 0xff }), "");
    EXPECT_EQ(tap(kA), "a");
}

TEST_F(ScancodeTest, EveryByteInEveryStateIsSafe)
{
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; ++second) {
            uint8_t out[ScancodeSet1Decoder::kMaxOutput];
            size_t a = decoder.feed(static_cast<uint8_t>(first), out);
            ASSERT_LE(a, ScancodeSet1Decoder::kMaxOutput);
            size_t b = decoder.feed(static_cast<uint8_t>(second), out);
            ASSERT_LE(b, ScancodeSet1Decoder::kMaxOutput);
        }
    }
}

} // namespace
