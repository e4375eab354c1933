#include <iostream>

int main()
{
    std::cout << "matdiff demo\n";
}
