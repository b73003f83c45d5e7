// Where a signal handler returns on kernel ABI 3: a SUBMIT of the sigreturn
// operation. It has to be layer code (only the layer may enter the kernel)
// and must leave rsp alone (= signal frame + 8, where the kernel finds the
// frame), so the message is a constant in the layer's read-only data and
// the kernel, which restores every register, writes no answer into it.
#include "abi-versions/v3/kernel/abi.h"
#include "back/k3/message.h"

extern "C" [[gnu::used]] constinit const banos_k3_message layer_k3_sigreturn_message =
    layer::trap::make_message(layer::trap::sigreturn);

#define LAYER_K3_STRING2(x) #x
#define LAYER_K3_STRING(x) LAYER_K3_STRING2(x)

extern "C" [[gnu::naked]] void layer_signal_restorer()
{
    asm("mov $" LAYER_K3_STRING(BANOS_K3_ENTER) ", %eax\n\t"
        "lea layer_k3_sigreturn_message(%rip), %rdi\n\t"
        "mov $" LAYER_K3_STRING(BANOS_K3_SUBMIT) ", %esi\n\t"
        "syscall\n\t"
        "ud2");
}
