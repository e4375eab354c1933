// Geometry processing: Newton steps on the symmetric Dirichlet energy of a triangle mesh,
//   E = sum over triangles t of area_t (|J_t|^2 + |J_t^-1|^2),   J_t = P_t B_t,
// where P_t (2x3) holds the triangle's deformed vertex positions and B_t = E_edges Dm^-1
// (3x2) maps them to the deformation gradient (Dm is the rest edge matrix). matdiff
// differentiates one element in P_t; per-element gradients and Hessians (built from the
// Hessian-vector products H vec(e_j), then projected to be positive semi-definite) are
// assembled into a sparse system solved by SimplicialLDLT. Elements are evaluated in
// parallel with OpenMP where it is available. The program checks that every Newton step
// (with a backtracking line search that keeps triangles from inverting) lowers the energy,
// until the gradient norm is below 1e-6.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <vector>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <matdiff/matdiff.hpp>

namespace md = matdiff;

namespace {

constexpr auto P = md::matrix<"P", 2, 3>;
constexpr auto B = md::matrix<"B", 3, 2>;
constexpr auto V = md::matrix<"V", 2, 3>;
constexpr auto area = md::scalar<"area">;
constexpr auto J = P * B;
constexpr auto energy = area * (md::sqnorm(J) + md::sqnorm(md::inv(J)));
constexpr auto gradient = md::grad(energy, P);
constexpr auto hessian_times_v = md::directional(gradient, P, V);

using Matrix23 = Eigen::Matrix<double, 2, 3>;
using Matrix32 = Eigen::Matrix<double, 3, 2>;
using Matrix6 = Eigen::Matrix<double, 6, 6>;

struct mesh {
  Eigen::Matrix2Xd rest;                  // vertex positions at rest
  std::vector<std::array<int, 3>> triangles;
  std::vector<Matrix32> B;                // per triangle
  std::vector<double> area;               // rest areas
  std::vector<bool> fixed;                // boundary vertices stay in place
};

/// A k x k grid of the unit square, two triangles per cell.
mesh grid(int k) {
  mesh m;
  m.rest.resize(2, (k + 1) * (k + 1));
  m.fixed.resize((k + 1) * (k + 1));
  for (int j = 0; j <= k; ++j)
    for (int i = 0; i <= k; ++i) {
      m.rest.col(j * (k + 1) + i) << double(i) / k, double(j) / k;
      m.fixed[j * (k + 1) + i] = i == 0 || j == 0 || i == k || j == k;
    }
  Matrix32 edges;  // P * edges = [p1 - p0, p2 - p0]
  edges << -1, -1, 1, 0, 0, 1;
  for (int j = 0; j < k; ++j)
    for (int i = 0; i < k; ++i) {
      const int a = j * (k + 1) + i, b = a + 1, c = a + k + 1, d = c + 1;
      for (const std::array<int, 3>& t : {std::array<int, 3>{a, b, d}, std::array<int, 3>{a, d, c}}) {
        Eigen::Matrix2d Dm;
        Dm << m.rest.col(t[1]) - m.rest.col(t[0]), m.rest.col(t[2]) - m.rest.col(t[0]);
        m.triangles.push_back(t);
        m.B.push_back(edges * Dm.inverse());
        m.area.push_back(Dm.determinant() / 2);
      }
    }
  return m;
}

Matrix23 positions(const Eigen::Matrix2Xd& x, const std::array<int, 3>& t) {
  Matrix23 p;
  p << x.col(t[0]), x.col(t[1]), x.col(t[2]);
  return p;
}

/// The energy, or infinity when a triangle is inverted or degenerate.
double total_energy(const mesh& m, const Eigen::Matrix2Xd& x) {
  double sum = 0;
  for (std::size_t t = 0; t < m.triangles.size(); ++t) {
    const Matrix23 p = positions(x, m.triangles[t]);
    if ((p * m.B[t]).determinant() <= 0) return INFINITY;
    sum += md::eval(energy, P = p, B = m.B[t], area = m.area[t]);
  }
  return sum;
}

}  // namespace

int main() {
  std::cout << "element energy " << energy << "\nits gradient   " << gradient << "\n";
  const mesh m = grid(16);
  const Eigen::Index vertices = m.rest.cols(), elements = Eigen::Index(m.triangles.size());

  // The interior is twisted about the centre; the boundary stays at rest.
  Eigen::Matrix2Xd x = m.rest;
  for (Eigen::Index v = 0; v < vertices; ++v) {
    const Eigen::Vector2d r = m.rest.col(v) - Eigen::Vector2d(0.5, 0.5);
    const double angle = 1.2 * std::max(0.0, 0.5 - r.norm());
    x.col(v) = Eigen::Vector2d(0.5, 0.5) + Eigen::Rotation2Dd(angle) * r;
  }

  const auto element = md::kernel(energy, gradient, hessian_times_v);
  std::vector<Matrix23> gradients(elements);
  std::vector<Matrix6> hessians(elements);
  double energy_now = total_energy(m, x);
  std::cout << "grid of " << vertices << " vertices, " << elements << " triangles; energy at rest would be "
            << 4.0 << "\nstep 0: energy " << energy_now << "\n";
  bool decreasing = true;
  int steps_taken = 0;
  double seconds = 0;
  int passes = 0;
  for (int step = 1; step <= 5; ++step) {
    const auto start = std::chrono::steady_clock::now();
#ifdef _OPENMP
#pragma omp parallel for schedule(static)
#endif
    for (Eigen::Index t = 0; t < elements; ++t) {
      const Matrix23 p = positions(x, m.triangles[t]);
      Matrix6 H;
      for (int j = 0; j < 6; ++j) {
        Matrix23 direction = Matrix23::Zero();
        direction(j % 2, j / 2) = 1;  // column j of H is H vec(e_j), vec column-major
        const auto [value, g, column] = element(P = p, B = m.B[t], area = m.area[t], V = direction);
        static_cast<void>(value);  // part of what an element costs; the sum is taken below
        gradients[t] = g;
        H.col(j) = Eigen::Map<const Eigen::Matrix<double, 6, 1>>(column.data());
      }
      // Projection onto positive semi-definite matrices: negative eigenvalues to zero.
      Eigen::SelfAdjointEigenSolver<Matrix6> eigen(0.5 * (H + H.transpose()));
      hessians[t] = eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).asDiagonal() *
                    eigen.eigenvectors().transpose();
    }
    ++passes;
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // Assembly; degree of freedom 2v + c is coordinate c of vertex v, as in vec(P_t).
    const Eigen::Index dofs = 2 * vertices;
    Eigen::VectorXd g = Eigen::VectorXd::Zero(dofs);
    std::vector<Eigen::Triplet<double>> entries;
    for (Eigen::Index t = 0; t < elements; ++t) {
      const auto& tri = m.triangles[t];
      for (int a = 0; a < 6; ++a) {
        const int va = tri[a / 2], ia = 2 * va + a % 2;
        if (m.fixed[va]) continue;
        g(ia) += gradients[t](a % 2, a / 2);
        for (int b = 0; b < 6; ++b) {
          const int vb = tri[b / 2], ib = 2 * vb + b % 2;
          if (!m.fixed[vb]) entries.emplace_back(ia, ib, hessians[t](a, b));
        }
      }
    }
    for (Eigen::Index v = 0; v < vertices; ++v)
      if (m.fixed[v]) entries.emplace_back(2 * v, 2 * v, 1.0), entries.emplace_back(2 * v + 1, 2 * v + 1, 1.0);
    if (g.norm() < 1e-6) {  // converged: a further step could only change rounding errors
      std::cout << "step " << step << ": converged, |gradient| " << g.norm() << "\n";
      break;
    }
    Eigen::SparseMatrix<double> H(dofs, dofs);
    H.setFromTriplets(entries.begin(), entries.end());
    Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(H);
    const Eigen::VectorXd direction = solver.solve(-g);
    if (solver.info() != Eigen::Success) {
      std::cout << "the Newton system could not be solved\n";
      return EXIT_FAILURE;
    }

    // Backtracking: no inverted triangle and a lower energy.
    double t = 1, energy_next = INFINITY;
    Eigen::Matrix2Xd x_next;
    for (; t > 1e-10; t /= 2) {
      x_next = x + t * direction.reshaped(2, vertices);
      energy_next = total_energy(m, x_next);
      if (energy_next < energy_now) break;
    }
    decreasing = decreasing && energy_next < energy_now;
    std::cout << "step " << step << ": energy " << energy_next << " (step length " << t << ", |gradient| "
              << g.norm() << ")\n";
    if (!(energy_next < energy_now)) break;
    x = x_next;
    energy_now = energy_next;
    ++steps_taken;
  }
  std::cout << "per element, value + gradient + 6 Hessian-vector products + projection: "
            << 1e6 * seconds / (passes * double(elements)) << " microseconds (indicative: one timing, "
#ifdef _OPENMP
            << "OpenMP"
#else
            << "serial"
#endif
            << ")\n";
  decreasing = decreasing && steps_taken > 0;
  std::cout << (decreasing ? "every Newton step lowered the energy\n" : "a Newton step did NOT lower the energy\n");
  return decreasing ? EXIT_SUCCESS : EXIT_FAILURE;
}
