// greeter: uses echodev's export to leave a line in /dev/echo.
#include "abi-versions/modules/api.h"

extern "C" int banos_echodev_append(const char* text, size_t length);

namespace {

int greeter_init()
{
    static const char kGreeting[] = "greetings from the greeter module\n";
    return banos_echodev_append(kGreeting, sizeof(kGreeting) - 1);
}

} // namespace

BANOS_DRIVER("greeter", "BSD-2-Clause", "1.0", greeter_init, nullptr, "echodev");
