/* clear: clear the terminal (ANSI: cursor home, erase screen). */
#include <unistd.h>

#include "common.h"

const char tool_name[] = "clear";

int main(void)
{
    static const char seq[] = "\033[H\033[2J";
    return write_all(1, seq, sizeof seq - 1) < 0;
}
