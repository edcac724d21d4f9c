// The CNN lab's architecture view: the layer stack being built, as an editable table whose
// computed columns (output shape, parameters, receptive field, FLOPs) follow every edit through
// dl::describeStack, and a comparisons panel that computes the notes' classic claims (three 3×3
// layers against one 7×7, the 1×1 bottleneck, weight sharing) on concrete stacks.
#pragma once

#include "nn/Architecture.h"
#include "nn/Layer.h"

#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTableWidgetItem;

namespace dlui {

class ArchitectureView : public QWidget {
  Q_OBJECT
public:
  // The layer table's columns: the kind, its settings, then what follows from them.
  enum Column {
    ColKind,
    ColUnits,
    ColKernel,
    ColStride,
    ColPadding,
    ColDilation,
    ColGroups,
    ColActivation,
    ColRate,
    ColOutput,
    ColParams,
    ColField,
    ColFlops,
    ColumnCount
  };
  // The comparisons, in the order of the panel's combo box.
  enum class Comparison { ThreeVsSeven, TwoVsFive, Bottleneck, WeightSharing };

  explicit ArchitectureView(QWidget* parent = nullptr);

  // The images the stack is for ({channels, height, width, 1}).
  void setInput(dl::Shape input);
  dl::Shape input() const { return m_input; }
  // Shows a stack (a preset's, a file's); does not emit layersChanged.
  void setLayers(const std::vector<dl::LayerSpec>& layers);
  std::vector<dl::LayerSpec> layers() const { return m_layers; }
  // The stack fits the input and Network would build it.
  bool valid() const { return m_summary.valid(); }
  const dl::ArchitectureSummary& summary() const { return m_summary; }
  // Projector mode (the window enlarges the application font): the dilation, groups and rate
  // columns hide while no layer uses them, and the comparison's lesson is set in bold.
  void setPresentationMode(bool on);
  // Read-only while training runs.
  void setEditable(bool on);
  bool editable() const { return m_editable; }

  void setComparison(Comparison c);
  // The channel count C of the comparisons stated in C².
  void setComparisonChannels(int c);

  // Number formats of the view: "110,592" and "1.2 M" (FLOPs), in the interface's locale.
  static QString count(double v);
  static QString shortCount(double v);
  // A kind's name and explanation in the interface language; "same" or the padding in pixels.
  static QString kindName(const std::string& id);
  static QString kindTip(const std::string& id);
  static QString paddingText(dl::Index padding);

signals:
  // The user changed the stack (a cell, a row added, removed or moved).
  void layersChanged();

protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

private:
  void buildUi();
  void retranslateUi();
  // After a change of the stack or the input: recomputes the summary and shows it.
  void recompute();
  void showRows();
  void showRow(int row);
  void showTotals();
  void updateButtons();
  void updateColumnVisibility();
  void showComparison();
  QTableWidgetItem* cell(int row, int column);

  // User edits.
  void onItemChanged(QTableWidgetItem* item);
  void addLayer();
  void removeLayer();
  void moveLayer(int delta);
  void userChanged();

  dl::Shape m_input{1, 8, 8, 1};
  std::vector<dl::LayerSpec> m_layers;
  dl::ArchitectureSummary m_summary;
  bool m_editable = true;
  bool m_presentation = false;
  bool m_updating = false;  // the view writes its own cells: not a user edit

  QLabel* m_inputLabel = nullptr;
  QTableWidget* m_table = nullptr;
  QPushButton* m_add = nullptr;
  QPushButton* m_remove = nullptr;
  QPushButton* m_up = nullptr;
  QPushButton* m_down = nullptr;
  QLabel* m_totals = nullptr;
  QLabel* m_error = nullptr;

  QGroupBox* m_compareBox = nullptr;
  QComboBox* m_compare = nullptr;
  QLabel* m_channelsLabel = nullptr;
  QSpinBox* m_channels = nullptr;
  QTableWidget* m_compareTable = nullptr;
  QLabel* m_lesson = nullptr;
};

}  // namespace dlui
