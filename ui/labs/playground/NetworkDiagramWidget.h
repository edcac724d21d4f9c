// The network diagram: one column of neurons per layer (inputs, hidden layers, outputs), each
// neuron a thumbnail of its output over the decision-map plane, links coloured by the weight's
// sign (orange negative, blue positive, as in TF Playground) and as thick as |w|. Hovering shows
// a weight or a neuron's layer, index and activation. It follows the architecture as it changes.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QPointF>
#include <QThreadPool>
#include <QWidget>

#include <optional>
#include <vector>

namespace dlui {

class NetworkDiagramWidget : public QWidget {
  Q_OBJECT
public:
  explicit NetworkDiagramWidget(QWidget* parent = nullptr);
  ~NetworkDiagramWidget() override;

  void applySnapshot(const SnapshotPtr& snapshot);
  void setPresentationMode(bool on);

  QSize sizeHint() const override { return {460, 420}; }
  QSize minimumSizeHint() const override { return {200, 160}; }

  // A text drawn around the columns (headers, "+N more"), as painted: its font is shrunk (to 60 %)
  // before the text is elided, and its rectangle is where the text's ink goes.
  struct Label {
    QString text;
    QFont font;
    QRectF rect;
  };
  // The labels of the current size and architecture (tests check nothing is elided or overlaps).
  std::vector<Label> labels();
  // The neurons as drawn at the current size (tests check they stay readable).
  std::vector<QRectF> neuronRects();
  // Hidden layers folded into the "+k layers" slot (0 when every layer is drawn).
  int foldedLayers() const { return m_gapCount; }

  // A point a third of the way along the link from unit `from` to unit `to` of weighted layer
  // `layer` (0-based; away from the middle, where links cross), where
  // a click edits it; nothing when that link is not drawn (tests).
  std::optional<QPointF> linkPoint(int layer, int to, int from);

signals:
  // A click on a link: W(row, col) of weighted layer `layer` (0-based), currently `value`; from and
  // to name its ends as the tooltip does ("input 1", "layer 1 neuron 2").
  void weightClicked(int layer, int row, int col, double value, const QString& from, const QString& to);

public:
  // One link as drawn (public for the renderer in the .cpp, which may run in a pool thread).
  struct LinkStroke {
    QPointF a, b;
    QColor colour;
    double width = 1;
  };

protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;  // tooltips
  void mousePressEvent(QMouseEvent* event) override;
  void changeEvent(QEvent* event) override;

private:
  struct Column {
    int units = 0;
    int shown = 0;              // drawn boxes (a column with more units ends in "+N")
    std::vector<QRectF> boxes;  // geometry of the shown units (none for a column folded into the gap)
    QRectF more;                // the "+N" marker, empty when every unit is drawn
    bool visible = true;        // false: one of the middle layers folded into "+k layers"
    double cx = 0;              // centre of its slot
  };
  struct Link {
    QPointF a, b;
    float weight = 0;
    int layer = 0, from = 0, to = 0;  // layer: 1-based weighted layer
  };

  // Per column, per shown unit: the unit's output over the map's plane.
  using Thumbnails = std::vector<std::vector<QImage>>;
  // What the thumbnails are coloured from, copied for the render thread.
  struct ThumbInput {
    std::shared_ptr<const dl::GridEvaluation> grid;
    std::shared_ptr<const dl::PreparedData> data;
    std::vector<int> mapFeatures;
    std::vector<int> units;          // per column
    std::vector<std::size_t> counts;  // thumbnails wanted per column
  };
  static Thumbnails buildThumbnails(const ThumbInput& in);

  void retranslateUi();
  void rebuildColumns();
  void layoutColumns();
  void startThumbRender(const std::vector<std::size_t>& counts);
  void thumbsRendered(Thumbnails thumbs, quint64 structure);
  std::vector<LinkStroke> linkStrokes();
  void startLinkRender();
  void linksRendered(const QImage& image, const std::vector<std::vector<QRectF>>& layout);
  float linkWeight(int layer, int to, int from) const;
  int linkRow(int layer, int to, int from) const;  // the row of W drawn for the link (maxout: its largest piece)
  const struct Link* linkAt(const QPointF& pos) const;
  QString linkFrom(const struct Link& l) const;  // "input 1", "layer 2 neuron 3"
  QString linkTo(const struct Link& l) const;    // "layer 3 neuron 1", "output 2"
  QString columnTitle(int column) const;
  QString columnSubtitle(int column) const;
  QString neuronToolTip(int column, int unit) const;

  dl::ExperimentConfig m_config;
  std::vector<LayerWeights> m_weights;
  std::shared_ptr<const dl::GridEvaluation> m_grid;
  std::shared_ptr<const dl::PreparedData> m_data;
  std::vector<Column> m_columns;
  // Too deep for readable columns: the middle hidden layers fold into one slot, "+k layers".
  int m_gapFirst = -1;  // first folded column, −1 when every column is drawn
  int m_gapCount = 0;
  QRectF m_gapRect;
  double m_colSpacing = 0;
  Thumbnails m_thumbs;                            // per column, per shown unit
  std::vector<std::size_t> m_thumbRequested;      // per column: thumbnails asked of the last render
  bool m_thumbRenderRunning = false;              // the render thread is colouring thumbnails
  quint64 m_structureSerial = 0;                  // counts architecture changes (stale thumbnails)
  std::vector<Link> m_links;                      // filled by linkStrokes, read by tooltips
  QImage m_linkCache;                             // the links as last drawn (transparent elsewhere)
  std::vector<std::vector<QRectF>> m_linkLayout;  // the boxes m_linkCache was drawn for; empty: draw anew
  bool m_linksDirty = true;                       // weights newer than m_linkCache
  bool m_linkRenderRunning = false;               // the render thread is drawing the links
  QThreadPool m_renderPool;                       // one thread: links and thumbnails, in order
  bool m_thumbsDirty = true;
  bool m_presentation = false;
};

}  // namespace dlui
