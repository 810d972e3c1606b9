/* Test scaffolding for running sagsgen under Wine 8, which lacks bcryptprimitives.dll:
   Rust's standard library asks it for random bytes (ProcessPrng); Windows 10 and 11 have
   it. This shim answers from advapi32's RtlGenRandom. Never shipped. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
