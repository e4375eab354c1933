// Built against matdiff by the install_consumer and subdirectory_consumer tests;
// must exit with 0.
#include <matdiff/matdiff.hpp>

#include <Eigen/Dense>

int main()
{
    return Eigen::Matrix2d::Identity().trace() == 2 ? 0 : 1;
}
