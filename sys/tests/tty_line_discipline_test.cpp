// First: the program ABI's types.h names stat fields st_atime etc., which
// the host's <sys/stat.h> (pulled in by gtest) defines as macros.
#include "tty/line_discipline.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using tty::LineDiscipline;
using tty::Termios;

class Capture final : public tty::Output {
public:
    void write(klib::ReadonlyBytes bytes) override
    {
        text.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    std::string text;
};

class LineDisciplineTest : public ::testing::Test {
protected:
    // Types `input`; returns the last signal raised (0 if none).
    int type(const std::string& input)
    {
        int signal = 0;
        for (char c : input)
            if (int raised = ld.receive(static_cast<uint8_t>(c), echo))
                signal = raised;
        return signal;
    }

    std::string read(size_t size, bool* end_of_line = nullptr)
    {
        std::string buffer(size, '\0');
        auto result = ld.read(klib::Bytes(reinterpret_cast<unsigned char*>(buffer.data()), size));
        if (end_of_line)
            *end_of_line = result.end_of_line;
        buffer.resize(result.bytes);
        return buffer;
    }

    std::string output(const std::string& text)
    {
        Capture out;
        ld.write(klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(text.data()), text.size()), out);
        return out.text;
    }

    void change(uint32_t Termios::*field, uint32_t set, uint32_t clear = 0)
    {
        Termios t = ld.termios();
        t.*field = (t.*field | set) & ~clear;
        ld.set_termios(t);
    }

    void set_cc(int index, uint8_t value)
    {
        Termios t = ld.termios();
        t.c_cc[index] = value;
        ld.set_termios(t);
    }

    void raw(uint8_t vmin, uint8_t vtime = 0)
    {
        Termios t = ld.termios();
        t.c_lflag &= ~(BANOS_ICANON | BANOS_ECHO);
        t.c_cc[BANOS_VMIN] = vmin;
        t.c_cc[BANOS_VTIME] = vtime;
        ld.set_termios(t);
    }

    LineDiscipline ld;
    Capture echo;
};

TEST_F(LineDisciplineTest, DefaultsAreASaneCanonicalTerminal)
{
    const Termios& t = ld.termios();
    EXPECT_TRUE(t.c_lflag & BANOS_ICANON);
    EXPECT_TRUE(t.c_lflag & BANOS_ECHO);
    EXPECT_TRUE(t.c_lflag & BANOS_ECHOE);
    EXPECT_TRUE(t.c_lflag & BANOS_ISIG);
    EXPECT_TRUE(t.c_iflag & BANOS_ICRNL);
    EXPECT_TRUE(t.c_oflag & BANOS_OPOST);
    EXPECT_TRUE(t.c_oflag & BANOS_ONLCR);
    EXPECT_EQ(t.c_cc[BANOS_VINTR], 0x03);
    EXPECT_EQ(t.c_cc[BANOS_VQUIT], 0x1c);
    EXPECT_EQ(t.c_cc[BANOS_VERASE], 0x7f);
    EXPECT_EQ(t.c_cc[BANOS_VKILL], 0x15);
    EXPECT_EQ(t.c_cc[BANOS_VEOF], 0x04);
    EXPECT_EQ(t.c_cc[BANOS_VSUSP], 0x1a);
    EXPECT_EQ(t.c_cc[BANOS_VMIN], 1);
    EXPECT_EQ(t.c_cc[BANOS_VTIME], 0);
    EXPECT_TRUE(ld.is_canonical());
    EXPECT_FALSE(ld.can_read(1));
}

TEST_F(LineDisciplineTest, CanonicalLineIsReadableOnlyAfterEnter)
{
    type("hello");
    EXPECT_FALSE(ld.can_read(100));
    EXPECT_EQ(ld.readable(), 0u);
    type("\r"); // ICRNL
    EXPECT_TRUE(ld.can_read(100));
    bool end_of_line = false;
    EXPECT_EQ(read(100, &end_of_line), "hello\n");
    EXPECT_TRUE(end_of_line);
    EXPECT_EQ(echo.text, "hello\r\n");
    EXPECT_FALSE(ld.can_read(100));
}

TEST_F(LineDisciplineTest, OneReadReturnsAtMostOneLine)
{
    type("one\ntwo\n");
    EXPECT_EQ(read(100), "one\n");
    EXPECT_EQ(read(100), "two\n");
    EXPECT_FALSE(ld.can_read(1));
}

TEST_F(LineDisciplineTest, ShortReadsTakeTheRestOfTheLineLater)
{
    type("abcdef\n");
    bool end_of_line = true;
    EXPECT_EQ(read(4, &end_of_line), "abcd");
    EXPECT_FALSE(end_of_line);
    EXPECT_TRUE(ld.can_read(1));
    EXPECT_EQ(read(4, &end_of_line), "ef\n");
    EXPECT_TRUE(end_of_line);
}

TEST_F(LineDisciplineTest, EraseWithDelAndBackspace)
{
    type("helo\x7f\x7fllo\n");
    EXPECT_EQ(read(100), "hello\n");
    EXPECT_EQ(echo.text, "helo\b \b\b \bllo\r\n");
    echo.text.clear();
    type("ab\bc\n"); // ^H erases as well
    EXPECT_EQ(read(100), "ac\n");
    EXPECT_EQ(echo.text, "ab\b \bc\r\n");
}

TEST_F(LineDisciplineTest, EraseStopsAtTheStartOfTheLine)
{
    type("x\n\x7f\x7f");
    EXPECT_EQ(echo.text, "x\r\n"); // nothing to erase, nothing echoed
    EXPECT_EQ(read(100), "x\n");
    type("\x7fy\n");
    EXPECT_EQ(read(100), "y\n");
}

TEST_F(LineDisciplineTest, EraseWithoutEchoeEchoesTheEraseCharacter)
{
    change(&Termios::c_lflag, 0, BANOS_ECHOE);
    type("ab\x7f");
    EXPECT_EQ(echo.text, "ab^?");
}

TEST_F(LineDisciplineTest, KillErasesTheLine)
{
    type("abc\x15xyz\n");
    EXPECT_EQ(read(100), "xyz\n");
    EXPECT_EQ(echo.text, "abc\b \b\b \b\b \bxyz\r\n");
}

TEST_F(LineDisciplineTest, KillWithoutEchoeEchoesKillAndNewline)
{
    change(&Termios::c_lflag, 0, BANOS_ECHOE);
    type("abc\x15");
    EXPECT_EQ(echo.text, "abc^U\r\n");
    type("d\n");
    EXPECT_EQ(read(100), "d\n");
}

TEST_F(LineDisciplineTest, WordErase)
{
    type("foo bar  \x17" "baz\n");
    EXPECT_EQ(read(100), "foo baz\n");
    type("\x17\x17word\x17\n");
    EXPECT_EQ(read(100), "\n");
}

TEST_F(LineDisciplineTest, WordEraseNeedsIexten)
{
    change(&Termios::c_lflag, 0, BANOS_IEXTEN);
    type("a\x17\n");
    EXPECT_EQ(read(100), "a\x17\n");
}

TEST_F(LineDisciplineTest, EndOfFileAtTheStartOfALineReadsAsZeroBytes)
{
    type("\x04");
    EXPECT_TRUE(ld.can_read(10));
    bool end_of_line = false;
    EXPECT_EQ(read(10, &end_of_line), "");
    EXPECT_TRUE(end_of_line);
    EXPECT_FALSE(ld.can_read(10));
    EXPECT_EQ(echo.text, "");
}

TEST_F(LineDisciplineTest, EndOfFileAfterTextReturnsTheText)
{
    type("abc\x04");
    bool end_of_line = false;
    EXPECT_EQ(read(10, &end_of_line), "abc");
    EXPECT_TRUE(end_of_line);
    EXPECT_FALSE(ld.can_read(10)); // the ^D is gone with it
}

TEST_F(LineDisciplineTest, EndOfFileIsConsumedWhenTheReadIsExactlyFull)
{
    type("abc\x04");
    bool end_of_line = false;
    EXPECT_EQ(read(3, &end_of_line), "abc");
    EXPECT_TRUE(end_of_line);
    EXPECT_FALSE(ld.can_read(10));
    EXPECT_EQ(ld.readable(), 0u);
}

TEST_F(LineDisciplineTest, AlternateEndOfLine)
{
    set_cc(BANOS_VEOL, ';');
    type("ab;cd");
    EXPECT_EQ(read(10), "ab;");
    EXPECT_FALSE(ld.can_read(10));
}

TEST_F(LineDisciplineTest, InterruptQuitSuspendRaiseSignalsAndFlush)
{
    type("partial");
    EXPECT_EQ(type("\x03"), BANOS_SIGINT);
    EXPECT_EQ(echo.text, "partial^C");
    type("\n");
    EXPECT_EQ(read(100), "\n"); // the partial line went with the ^C
    EXPECT_EQ(type("\x1c"), BANOS_SIGQUIT);
    EXPECT_EQ(type("\x1a"), BANOS_SIGTSTP);
    EXPECT_EQ(ld.readable(), 0u);
}

TEST_F(LineDisciplineTest, SignalsAlsoWorkInRawMode)
{
    raw(1);
    type("ab");
    EXPECT_EQ(type("\x03"), BANOS_SIGINT);
    EXPECT_EQ(ld.readable(), 0u);
}

TEST_F(LineDisciplineTest, NoflshKeepsInput)
{
    change(&Termios::c_lflag, BANOS_NOFLSH);
    type("keep");
    EXPECT_EQ(type("\x03"), BANOS_SIGINT);
    type("\n");
    EXPECT_EQ(read(100), "keep\n");
}

TEST_F(LineDisciplineTest, WithoutIsigControlCharactersAreData)
{
    change(&Termios::c_lflag, 0, BANOS_ISIG);
    EXPECT_EQ(type("\x03\x1a\n"), 0);
    EXPECT_EQ(read(100), "\x03\x1a\n");
    EXPECT_EQ(echo.text, "^C^Z\r\n");
}

TEST_F(LineDisciplineTest, DisabledSpecialCharacterIsData)
{
    set_cc(BANOS_VINTR, 0);
    EXPECT_EQ(type("\x03"), 0);
    EXPECT_EQ(type(std::string(1, '\0')), 0); // a NUL byte is not "the disabled character"
    type("\n");
    EXPECT_EQ(read(100), std::string("\x03\0\n", 3));
}

TEST_F(LineDisciplineTest, EchoOffAndEchonl)
{
    change(&Termios::c_lflag, 0, BANOS_ECHO);
    type("secret\n");
    EXPECT_EQ(echo.text, "");
    change(&Termios::c_lflag, BANOS_ECHONL);
    type("pw\n");
    EXPECT_EQ(echo.text, "\r\n");
    EXPECT_EQ(read(100), "secret\n");
    EXPECT_EQ(read(100), "pw\n");
}

TEST_F(LineDisciplineTest, ControlCharactersEchoAsCaretAndEraseTwoColumns)
{
    type("a\x01");
    EXPECT_EQ(echo.text, "a^A");
    type("\x7f");
    EXPECT_EQ(echo.text, "a^A\b \b\b \b");
    type("\x1b[A");
    EXPECT_EQ(echo.text, "a^A\b \b\b \b^[[A");
}

TEST_F(LineDisciplineTest, TabEraseGoesBackToWhereTheTabStarted)
{
    EXPECT_EQ(output("$ "), "$ ");
    EXPECT_EQ(ld.column(), 2u);
    type("ab\t");
    EXPECT_EQ(ld.column(), 8u);
    echo.text.clear();
    type("\x7f");
    EXPECT_EQ(echo.text, "\b\b\b\b");
    EXPECT_EQ(ld.column(), 4u);
    type("\x7f\x7f\t\x7f");
    EXPECT_EQ(ld.column(), 2u);
}

TEST_F(LineDisciplineTest, Utf8CharacterErasesAsOne)
{
    type("\xc3\xa9");
    EXPECT_EQ(ld.column(), 1u);
    echo.text.clear();
    type("\x7f");
    EXPECT_EQ(echo.text, "\b \b");
    type("\n");
    EXPECT_EQ(read(100), "\n");
}

TEST_F(LineDisciplineTest, CarriageReturnOptions)
{
    change(&Termios::c_iflag, 0, BANOS_ICRNL);
    type("a\r");
    EXPECT_FALSE(ld.can_read(10)); // CR is not an end of line
    EXPECT_EQ(echo.text, "a^M");
    type("\n");
    EXPECT_EQ(read(10), "a\r\n");
    change(&Termios::c_iflag, BANOS_IGNCR);
    type("b\r\n");
    EXPECT_EQ(read(10), "b\n");
    change(&Termios::c_iflag, BANOS_INLCR, BANOS_IGNCR);
    type("c\n"); // NL becomes CR, which ends nothing
    EXPECT_FALSE(ld.can_read(10));
}

TEST_F(LineDisciplineTest, OutputProcessing)
{
    EXPECT_EQ(output("a\nb\n"), "a\r\nb\r\n");
    EXPECT_EQ(ld.column(), 0u);
    EXPECT_EQ(output("xy"), "xy");
    EXPECT_EQ(ld.column(), 2u);
    change(&Termios::c_oflag, 0, BANOS_ONLCR);
    EXPECT_EQ(output("a\nb"), "a\nb");
    change(&Termios::c_oflag, BANOS_ONLCR, BANOS_OPOST);
    EXPECT_EQ(output("a\nb"), "a\nb");
}

TEST_F(LineDisciplineTest, LongOutputArrivesWhole)
{
    std::string text;
    for (int i = 0; i < 500; ++i)
        text += "line\n";
    std::string expected;
    for (int i = 0; i < 500; ++i)
        expected += "line\r\n";
    EXPECT_EQ(output(text), expected);
}

TEST_F(LineDisciplineTest, EchoGoesThroughOutputProcessing)
{
    change(&Termios::c_oflag, 0, BANOS_OPOST);
    type("a\r");
    EXPECT_EQ(echo.text, "a\n");
}

TEST_F(LineDisciplineTest, RawModeWithVmin)
{
    raw(1);
    EXPECT_FALSE(ld.is_canonical());
    EXPECT_FALSE(ld.can_read(10));
    type("x");
    EXPECT_TRUE(ld.can_read(10));
    EXPECT_EQ(read(10), "x");
    EXPECT_EQ(echo.text, "");

    raw(3);
    type("ab");
    EXPECT_FALSE(ld.can_read(10));
    EXPECT_TRUE(ld.can_read(2)); // never wait for more than was asked
    type("c");
    EXPECT_TRUE(ld.can_read(10));
    bool end_of_line = true;
    EXPECT_EQ(read(10, &end_of_line), "abc");
    EXPECT_FALSE(end_of_line);
}

TEST_F(LineDisciplineTest, RawModeWithVminZeroNeverWaits)
{
    raw(0);
    EXPECT_TRUE(ld.can_read(10));
    EXPECT_EQ(read(10), "");
}

TEST_F(LineDisciplineTest, RawModeHasNoEditingCharacters)
{
    raw(1);
    type("a\x7f\x15\x04\r");
    EXPECT_EQ(read(10), "a\x7f\x15\x04\n"); // ICRNL still applies
}

TEST_F(LineDisciplineTest, RawModeEchoes)
{
    raw(1);
    change(&Termios::c_lflag, BANOS_ECHO);
    type("hi\x01");
    EXPECT_EQ(echo.text, "hi^A");
}

TEST_F(LineDisciplineTest, LeavingCanonicalModeMakesThePartialLineReadable)
{
    type("abc");
    raw(1);
    EXPECT_TRUE(ld.can_read(10));
    EXPECT_EQ(read(10), "abc");
}

TEST_F(LineDisciplineTest, LeavingCanonicalModeDropsEndOfFileMarks)
{
    type("\x04" "ab\x04");
    raw(1);
    EXPECT_EQ(ld.readable(), 2u);
    EXPECT_EQ(read(10), "ab");
}

TEST_F(LineDisciplineTest, EnteringCanonicalModeMakesPendingBytesOneLine)
{
    raw(1);
    type("xyz");
    change(&Termios::c_lflag, BANOS_ICANON);
    EXPECT_TRUE(ld.can_read(10));
    bool end_of_line = false;
    EXPECT_EQ(read(10, &end_of_line), "xyz");
    EXPECT_TRUE(end_of_line);
    EXPECT_FALSE(ld.can_read(10));
    type("next\n");
    EXPECT_EQ(read(10), "next\n");
}

TEST_F(LineDisciplineTest, FlushDiscardsEverything)
{
    type("a\nb");
    ld.flush_input();
    EXPECT_FALSE(ld.can_read(10));
    type("c\n");
    EXPECT_EQ(read(10), "c\n");
}

TEST_F(LineDisciplineTest, CanonicalOverflowKeepsRoomForTheNewline)
{
    type(std::string(5000, 'a'));
    EXPECT_FALSE(ld.can_read(1));
    EXPECT_NE(echo.text.find('\a'), std::string::npos); // a bell for what was dropped
    type("\n");
    EXPECT_TRUE(ld.can_read(1));
    std::string line;
    while (ld.can_read(1)) {
        bool end_of_line = false;
        line += read(1000, &end_of_line);
        if (end_of_line)
            break;
    }
    EXPECT_EQ(line.size(), LineDiscipline::kCapacity);
    EXPECT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find_first_not_of('a'), LineDiscipline::kCapacity - 1);
}

TEST_F(LineDisciplineTest, OverflowOfCompleteLinesDropsInputUntilRead)
{
    for (size_t i = 0; i < LineDiscipline::kCapacity / 4; ++i)
        type("abc\n");
    EXPECT_EQ(ld.readable(), LineDiscipline::kCapacity);
    type("dropped\n\x04\x7f\x15");
    EXPECT_EQ(ld.readable(), LineDiscipline::kCapacity);
    EXPECT_EQ(read(100), "abc\n");
    type("\n");
    EXPECT_EQ(ld.readable(), LineDiscipline::kCapacity - 3);
}

TEST_F(LineDisciplineTest, RawOverflowDropsTheExcess)
{
    raw(1);
    type(std::string(5000, 'z'));
    EXPECT_EQ(ld.readable(), LineDiscipline::kCapacity);
    std::string all = read(10000);
    EXPECT_EQ(all.size(), LineDiscipline::kCapacity);
}

TEST_F(LineDisciplineTest, TheRingWrapsAround)
{
    for (int i = 0; i < 2000; ++i) {
        std::string line = "line " + std::to_string(i) + "\n";
        type(line);
        ASSERT_EQ(read(100), line);
    }
    raw(1);
    for (int i = 0; i < 1000; ++i) {
        type("0123456");
        ASSERT_EQ(read(100), "0123456");
    }
}

TEST_F(LineDisciplineTest, AnyTermiosIsAccepted)
{
    Termios t;
    for (int round = 0; round < 64; ++round) {
        unsigned char* bytes = reinterpret_cast<unsigned char*>(&t);
        for (size_t i = 0; i < sizeof(t); ++i)
            bytes[i] = static_cast<unsigned char>(i * 37 + round * 101);
        ld.set_termios(t);
        for (int c = 0; c < 256; ++c)
            ld.receive(static_cast<uint8_t>(c), echo);
        while (ld.readable()) {
            size_t before = ld.readable();
            read(7);
            if (ld.readable() == before)
                break;
        }
    }
}

} // namespace
