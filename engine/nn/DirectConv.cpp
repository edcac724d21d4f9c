// The direct convolution; see DirectConv.h. Eigen's packet functions (ploadu, pmadd, predux) give
// the SIMD width of the build: 8 floats under AVX2, 4 doubles for the f64 gradient checks.
#include "nn/DirectConv.h"

#include "nn/Im2col.h"

#include <Eigen/Core>

#include <algorithm>
#include <vector>

namespace dl {


namespace {
using Packet = Eigen::internal::packet_traits<Scalar>::type;
constexpr Index L = Eigen::internal::packet_traits<Scalar>::size;
using Eigen::internal::pset1;

Index roundUp(Index n, Index m) { return (n + m - 1) / m * m; }

// The image with its zero border, rows Wq values long: at least the padded width, and long enough
// that the window of the last (partly used) output vector of a row stays inside. L values of slack
// at the end. Per thread: forEachSample gives a thread one sample (or block) at a time.
struct Padded {
  Index Hp = 0, Wq = 0;
  explicit Padded(const ConvGeometry& g)
      : Hp(g.height + 2 * g.ph), Wq(std::max(g.width + 2 * g.pw, roundUp(g.outW, L) + (g.kw - 1) * g.dw)) {}
  const Scalar* copy(const ConvGeometry& g, const Scalar* image) const {
    thread_local std::vector<Scalar> buf;
    return zeroBordered(g, image, Wq, L, buf);
  }
};

// ---- forward: OB output channels × NV vectors of one output row, in registers

struct Row {
  const ConvGeometry& g;
  const Padded& p;
  const Scalar* xp;  // the padded sample
  const Scalar* W;   // (out, K) column-major
  Index out, oy, v0;
  Scalar* y;  // the sample's output column
};

template <int OB, int NV>
void forwardTile(const Row& r, Index o0) {
  const ConvGeometry& g = r.g;
  Packet acc[OB][NV];
  for (int ob = 0; ob < OB; ++ob)
    for (int v = 0; v < NV; ++v) acc[ob][v] = pset1<Packet>(Scalar(0));
  for (Index c = 0; c < g.channels; ++c)
    for (Index i = 0; i < g.kh; ++i) {
      const Scalar* row = r.xp + (c * r.p.Hp + r.oy + i * g.dh) * r.p.Wq + r.v0 * L;
      const Scalar* w = r.W + o0 + (c * g.kh + i) * g.kw * r.out;
      for (Index j = 0; j < g.kw; ++j, w += r.out) {
        Packet in[NV];
        for (int v = 0; v < NV; ++v) in[v] = Eigen::internal::ploadu<Packet>(row + j * g.dw + v * L);
        for (int ob = 0; ob < OB; ++ob) {
          const Packet wv = pset1<Packet>(w[ob]);
          for (int v = 0; v < NV; ++v) acc[ob][v] = Eigen::internal::pmadd(wv, in[v], acc[ob][v]);
        }
      }
    }
  const Index P = g.positions();
  for (int ob = 0; ob < OB; ++ob) {
    Scalar* dst = r.y + (o0 + ob) * P + r.oy * g.outW;
    for (int v = 0; v < NV; ++v) {
      const Index x0 = (r.v0 + v) * L;
      if (x0 + L <= g.outW) {
        Eigen::internal::pstoreu(dst + x0, acc[ob][v]);
      } else {
        Scalar tail[L];
        Eigen::internal::pstoreu(tail, acc[ob][v]);
        std::copy_n(tail, g.outW - x0, dst + x0);
      }
    }
  }
}

// Output channels [o0, o0 + count) in tiles of OB, the rest in smaller tiles.
template <int NV, int OB>
void forwardChannels(const Row& r, Index o0, Index count) {
  for (; count >= OB; o0 += OB, count -= OB) forwardTile<OB, NV>(r, o0);
  if constexpr (OB > 1)
    if (count > 0) forwardChannels<NV, OB - 1>(r, o0, count);
}

// ---- weight gradient: OB output channels × KW taps of one kernel row, in registers

struct GradRow {
  const ConvGeometry& g;
  const Padded& p;
  const Scalar* xp;  // the padded sample
  const Scalar* dp;  // the sample's dy, rows of Wd values (zeros past outW)
  Index Wd, out, c, i;
  Scalar* part;  // (out, K) column-major: this block's sums
};

template <int OB, int KW>
void gradTile(const GradRow& r, Index o0, Index j0) {
  const ConvGeometry& g = r.g;
  Packet acc[OB][KW];
  for (int ob = 0; ob < OB; ++ob)
    for (int j = 0; j < KW; ++j) acc[ob][j] = pset1<Packet>(Scalar(0));
  const Index vectors = r.Wd / L;
  for (Index oy = 0; oy < g.outH; ++oy) {
    const Scalar* xrow = r.xp + (r.c * r.p.Hp + oy + r.i * g.dh) * r.p.Wq + j0 * g.dw;
    const Scalar* drow = r.dp + (o0 * g.outH + oy) * r.Wd;
    for (Index v = 0; v < vectors; ++v) {
      Packet d[OB];
      for (int ob = 0; ob < OB; ++ob) d[ob] = Eigen::internal::ploadu<Packet>(drow + ob * g.outH * r.Wd + v * L);
      for (int j = 0; j < KW; ++j) {
        const Packet in = Eigen::internal::ploadu<Packet>(xrow + j * g.dw + v * L);
        for (int ob = 0; ob < OB; ++ob) acc[ob][j] = Eigen::internal::pmadd(d[ob], in, acc[ob][j]);
      }
    }
  }
  for (int ob = 0; ob < OB; ++ob)
    for (int j = 0; j < KW; ++j)
      r.part[(o0 + ob) + ((r.c * g.kh + r.i) * g.kw + j0 + j) * r.out] += Eigen::internal::predux(acc[ob][j]);
}

// Taps j0.. of the kernel row in chunks of at most 5 (OB·KW accumulators stay in registers).
template <int OB>
void gradTaps(const GradRow& r, Index o0) {
  for (Index j0 = 0; j0 < r.g.kw;) {
    switch (std::min<Index>(5, r.g.kw - j0)) {
      case 5: gradTile<OB, 5>(r, o0, j0); j0 += 5; break;
      case 4: gradTile<OB, 4>(r, o0, j0); j0 += 4; break;
      case 3: gradTile<OB, 3>(r, o0, j0); j0 += 3; break;
      case 2: gradTile<OB, 2>(r, o0, j0); j0 += 2; break;
      default: gradTile<OB, 1>(r, o0, j0); j0 += 1; break;
    }
  }
}

}  // namespace

bool directConvolution(const ConvGeometry& g, Index groups) {
  return groups == 1 && g.sh == 1 && g.sw == 1 && g.patch() <= kMaxDirectPatch;
}

bool directInputGradient(const ConvGeometry& g, Index groups) {
  // Judged against 8-value vectors (AVX's floats) whatever this build's width, so that a layer takes
  // the same path, and sums in the same order, in every build of the program (the sanitizer builds
  // have 4-value vectors).
  constexpr Index lanes = 8;
  return groups == 1 && g.sh == 1 && g.sw == 1 && g.ph <= (g.kh - 1) * g.dh && g.pw <= (g.kw - 1) * g.dw &&
         g.width >= lanes && 4 * g.width >= 3 * roundUp(g.width, lanes);
}

ConvGeometry inputGradientGeometry(const ConvGeometry& g, Index out) {
  ConvGeometry t = g;
  t.channels = out;
  t.height = g.outH;
  t.width = g.outW;
  t.ph = (g.kh - 1) * g.dh - g.ph;
  t.pw = (g.kw - 1) * g.dw - g.pw;
  t.withOutputSize();  // g.height × g.width again
  return t;
}

void flipKernel(const ConvGeometry& g, Index out, const Scalar* W, Scalar* flipped) {
  const Index C = g.channels, taps = g.kh * g.kw;
  for (Index o = 0; o < out; ++o)
    for (Index c = 0; c < C; ++c)
      for (Index t = 0; t < taps; ++t) flipped[c + C * (o * taps + t)] = W[o + out * (c * taps + taps - 1 - t)];
}

void DirectConv::forward(const Matrix& x, Matrix& y, const Scalar* W, const Scalar* bias) const {
  const ConvGeometry& g = m_g;
  const Index B = x.cols(), P = g.positions(), vectors = roundUp(g.outW, L) / L;
  const Padded pad(g);
  y.resize(m_out * P, B);
  forEachSample(B, m_out * P + g.channels * g.height * g.width, [&](Index b) {
    const Scalar* xp = pad.copy(g, x.col(b).data());
    Scalar* yb = y.col(b).data();
    for (Index oy = 0; oy < g.outH; ++oy)
      for (Index v0 = 0; v0 < vectors; v0 += 4) {
        const Row r{g, pad, xp, W, m_out, oy, v0, yb};
        switch (std::min<Index>(4, vectors - v0)) {  // 12 accumulators: channels × vectors
          case 1: forwardChannels<1, 12>(r, 0, m_out); break;
          case 2: forwardChannels<2, 6>(r, 0, m_out); break;
          case 3: forwardChannels<3, 4>(r, 0, m_out); break;
          default: forwardChannels<4, 3>(r, 0, m_out); break;
        }
      }
    if (bias)
      for (Index o = 0; o < m_out; ++o) y.col(b).segment(o * P, P).array() += bias[o];
  });
}

void DirectConv::weightGradient(const Matrix& x, const Matrix& dy, Scalar* gW, Scalar* gb) const {
  const ConvGeometry& g = m_g;
  const Index B = x.cols(), P = g.positions(), K = g.patch(), Wd = roundUp(g.outW, L);
  const Index blocks = (B + kSampleBlock - 1) / kSampleBlock;
  const Padded pad(g);
  Matrix parts = Matrix::Zero(m_out * K, blocks);
  forEachSample(blocks, kSampleBlock * (m_out * P + g.channels * g.height * g.width), [&](Index block) {
    thread_local std::vector<Scalar> dbuf;
    dbuf.assign(static_cast<std::size_t>(m_out * g.outH * Wd), Scalar(0));
    for (Index b = block * kSampleBlock; b < std::min(B, (block + 1) * kSampleBlock); ++b) {
      const Scalar* xp = pad.copy(g, x.col(b).data());
      for (Index o = 0; o < m_out; ++o)
        for (Index oy = 0; oy < g.outH; ++oy)
          std::copy_n(dy.col(b).data() + o * P + oy * g.outW, g.outW, dbuf.data() + (o * g.outH + oy) * Wd);
      for (Index c = 0; c < g.channels; ++c)
        for (Index i = 0; i < g.kh; ++i) {
          const GradRow r{g, pad, xp, dbuf.data(), Wd, m_out, c, i, parts.col(block).data()};
          Index o0 = 0;
          for (; o0 + 2 <= m_out; o0 += 2) gradTaps<2>(r, o0);
          if (o0 < m_out) gradTaps<1>(r, o0);
        }
    }
  });
  VectorMap(gW, m_out * K) = parts.col(0);
  for (Index block = 1; block < blocks; ++block) VectorMap(gW, m_out * K) += parts.col(block);
  if (gb)
    for (Index o = 0; o < m_out; ++o) {
      Scalar s = 0;
      for (Index b = 0; b < B; ++b) s += dy.col(b).segment(o * P, P).sum();
      gb[o] = s;
    }
}

}  // namespace dl
