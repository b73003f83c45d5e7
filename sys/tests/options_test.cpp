#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "kernel/options.h"

namespace {

using kernel::CrashTest;
using kernel::Options;
using klog::Level;

// parse_options takes a plain function pointer, so complaints are collected
// in a global.
std::vector<std::pair<std::string, std::string>> g_complaints;

void complain(klib::StringView word, klib::StringView why)
{
    g_complaints.emplace_back(std::string(word.data(), word.size()), std::string(why.data(), why.size()));
}

Options parse(const char* line)
{
    g_complaints.clear();
    Options options;
    kernel::parse_options(line, options, complain);
    return options;
}

std::vector<std::string> complained_words()
{
    std::vector<std::string> words;
    for (const auto& [word, why] : g_complaints) {
        EXPECT_FALSE(why.empty());
        words.push_back(word);
    }
    return words;
}

TEST(Options, Defaults)
{
    Options o = parse("");
    EXPECT_FALSE(o.test_mode);
    EXPECT_FALSE(o.dump_boot_info);
    EXPECT_EQ(o.log_level, Level::Info);
    EXPECT_EQ(o.crash_test, CrashTest::None);
    EXPECT_TRUE(g_complaints.empty());
    parse("     ");
    EXPECT_TRUE(g_complaints.empty());
}

TEST(Options, EveryOption)
{
    Options o = parse("test dumpbootinfo loglevel=debug crashtest=pagefault");
    EXPECT_TRUE(o.test_mode);
    EXPECT_TRUE(o.dump_boot_info);
    EXPECT_EQ(o.log_level, Level::Debug);
    EXPECT_EQ(o.crash_test, CrashTest::PageFault);
    EXPECT_TRUE(g_complaints.empty());

    EXPECT_EQ(parse("crashtest=stackoverflow").crash_test, CrashTest::StackOverflow);
    EXPECT_EQ(parse("crashtest=assert").crash_test, CrashTest::Assertion);
}

TEST(Options, LogLevelsByNameAndNumber)
{
    const std::pair<const char*, Level> cases[] = {
        { "loglevel=error", Level::Error }, { "loglevel=warn", Level::Warn }, { "loglevel=info", Level::Info },
        { "loglevel=debug", Level::Debug }, { "loglevel=trace", Level::Trace }, { "loglevel=1", Level::Error },
        { "loglevel=2", Level::Warn },      { "loglevel=3", Level::Info },    { "loglevel=4", Level::Debug },
        { "loglevel=5", Level::Trace },
    };
    for (const auto& [line, level] : cases) {
        EXPECT_EQ(parse(line).log_level, level) << line;
        EXPECT_TRUE(g_complaints.empty()) << line;
    }
    // The last word wins.
    EXPECT_EQ(parse("loglevel=error loglevel=trace").log_level, Level::Trace);
}

TEST(Options, BadValuesAreReportedAndIgnored)
{
    const char* bad[] = { "loglevel=0", "loglevel=6", "loglevel=", "loglevel=DEBUG", "loglevel=debugx",
                          "loglevel=-1", "crashtest=", "crashtest=oops", "crashtest=PageFault" };
    for (const char* word : bad) {
        Options o = parse(word);
        EXPECT_EQ(o.log_level, Level::Info) << word;
        EXPECT_EQ(o.crash_test, CrashTest::None) << word;
        EXPECT_EQ(complained_words(), std::vector<std::string> { word });
    }
    // A bad value leaves an earlier good one alone.
    EXPECT_EQ(parse("loglevel=trace loglevel=99").log_level, Level::Trace);
}

TEST(Options, UnknownWordsAreReported)
{
    Options o = parse("quiet test=1 loglevel crashtest dumpbootinfo=yes =x TEST test");
    EXPECT_EQ(complained_words(),
              (std::vector<std::string> { "quiet", "test=1", "loglevel", "crashtest", "dumpbootinfo=yes", "=x", "TEST" }));
    EXPECT_TRUE(o.test_mode); // the good word at the end still counts
    EXPECT_FALSE(o.dump_boot_info);
    EXPECT_EQ(parse("unknown").test_mode, false);
    EXPECT_EQ(g_complaints.size(), 1u);
    EXPECT_EQ(g_complaints[0].second, "unknown option");
}

TEST(Options, ExtraSpaces)
{
    Options o = parse("   test    loglevel=warn  ");
    EXPECT_TRUE(o.test_mode);
    EXPECT_EQ(o.log_level, Level::Warn);
    EXPECT_TRUE(g_complaints.empty());
}

TEST(Options, OnlyTheGivenLengthIsRead)
{
    // The view ends before "dumpbootinfo"; whatever follows must not count.
    const char* text = "test dumpbootinfo";
    g_complaints.clear();
    Options o;
    kernel::parse_options(klib::StringView(text, 4), o, complain);
    EXPECT_TRUE(o.test_mode);
    EXPECT_FALSE(o.dump_boot_info);
    // Cut in the middle of a word: the fragment is a word of its own.
    kernel::parse_options(klib::StringView(text, 9), o, complain);
    EXPECT_EQ(complained_words(), std::vector<std::string> { "dump" });
}

TEST(Options, GlobalOptionsAreMutable)
{
    Options saved = kernel::options();
    kernel::mutable_options().test_mode = !saved.test_mode;
    EXPECT_EQ(kernel::options().test_mode, !saved.test_mode);
    kernel::mutable_options() = saved;
}

TEST(LogLevel, NamesRoundTrip)
{
    for (Level level : { Level::Error, Level::Warn, Level::Info, Level::Debug, Level::Trace }) {
        auto parsed = klog::parse_level(klog::level_name(level));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, level);
    }
    EXPECT_STREQ(klog::level_name(static_cast<Level>(0)), "?");
    EXPECT_FALSE(klog::parse_level("0x0"));
    EXPECT_FALSE(klog::parse_level(""));
}

} // namespace
