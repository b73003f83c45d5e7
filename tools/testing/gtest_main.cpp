// main() for every host test program: runs GoogleTest and reports each test
// as "PASS name" or "FAIL name: why", the line format every banos test uses.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace {

class LineReporter : public testing::EmptyTestEventListener {
public:
    explicit LineReporter(std::string prefix) : prefix_(std::move(prefix)) {}

    void OnTestPartResult(const testing::TestPartResult& result) override
    {
        if (result.failed() && first_failure_.empty()) {
            first_failure_ = std::string(result.file_name() ? result.file_name() : "?") + ":"
                + std::to_string(result.line_number()) + ": " + result.summary();
            for (auto& c : first_failure_)
                if (c == '\n')
                    c = ' ';
        }
    }

    void OnTestEnd(const testing::TestInfo& info) override
    {
        std::string name = prefix_ + info.test_suite_name() + "." + info.name();
        if (info.result()->Failed())
            std::printf("FAIL %s: %s\n", name.c_str(), first_failure_.c_str());
        else if (!info.result()->Skipped())
            std::printf("PASS %s\n", name.c_str());
        std::fflush(stdout);
        first_failure_.clear();
    }

private:
    std::string prefix_;
    std::string first_failure_;
};

} // namespace

int main(int argc, char** argv)
{
    testing::InitGoogleTest(&argc, argv);
    // Test names get a prefix naming the program, e.g. "host.sys.".
    const char* prefix = std::getenv("BANOS_TEST_PREFIX");
    auto& listeners = testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
    listeners.Append(new LineReporter(prefix ? prefix : "host."));
    return RUN_ALL_TESTS();
}
