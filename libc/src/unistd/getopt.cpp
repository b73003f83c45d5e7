#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern "C" {
char* optarg;
int optind = 1;
int opterr = 1;
int optopt;
}

namespace {

int position; // within the current argv element's option letters, 0 for "start"

} // namespace

extern "C" int getopt(int argc, char* const argv[], const char* optstring)
{
    if (optind == 0) { // a full reset
        optind = 1;
        position = 0;
    }
    optarg = nullptr;
    if (*optstring == '+' || *optstring == '-')
        ++optstring;
    bool silent = *optstring == ':';

    if (position == 0) {
        if (optind >= argc || argv[optind] == nullptr || argv[optind][0] != '-' || argv[optind][1] == '\0')
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            ++optind;
            return -1;
        }
        position = 1;
    }
    const char* element = argv[optind];
    char letter = element[position++];
    const char* known = letter != ':' ? strchr(optstring, letter) : nullptr;
    bool last_in_element = element[position] == '\0';

    if (known == nullptr) {
        optopt = static_cast<unsigned char>(letter);
        if (last_in_element) {
            ++optind;
            position = 0;
        }
        if (opterr && !silent)
            fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], letter);
        return '?';
    }
    if (known[1] == ':') {
        if (!last_in_element) {
            optarg = const_cast<char*>(element + position); // -ovalue
        } else if (optind + 1 < argc) {
            optarg = argv[optind + 1]; // -o value
            ++optind;
        } else {
            ++optind;
            position = 0;
            optopt = static_cast<unsigned char>(letter);
            if (silent)
                return ':';
            if (opterr)
                fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], letter);
            return '?';
        }
        ++optind;
        position = 0;
        return letter;
    }
    if (last_in_element) {
        ++optind;
        position = 0;
    }
    return letter;
}
