/* true: succeed. */
const char tool_name[] = "true";

int main(void)
{
    return 0;
}
