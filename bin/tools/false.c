/* false: fail. */
const char tool_name[] = "false";

int main(void)
{
    return 1;
}
