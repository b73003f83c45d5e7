// A C++ program: a global object with a constructor (init_array, which a
// static PIE must relocate) and a destructor (__cxa_atexit).
#include <stdio.h>
#include <unistd.h>

namespace {

class Greeter {
public:
    explicit Greeter(const char* name) : name_(name) { printf("constructed %s\n", name_); }
    ~Greeter() { printf("destroyed %s\n", name_); }
    Greeter(const Greeter&) = delete;
    Greeter& operator=(const Greeter&) = delete;

    const char* name() const { return name_; }

private:
    const char* name_;
};

Greeter greeter("greeter");

} // namespace

int main()
{
    printf("hello from C++ on program ABI %d, pid %d, %s\n", BANOS_PROGRAM_ABI, static_cast<int>(getpid()),
        greeter.name());
    return 0;
}
