// expect: expected
// Placeholder that exercises the compile-fail mechanism; replace with real checks.
int main() { int x = ; }
