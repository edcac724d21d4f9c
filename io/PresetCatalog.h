// The bilingual preset catalogue (:/preset-catalog.json): the labs (kinds of experiment), the
// Presets menu's groups in order, each in one lab, and, for every preset, a short title and its
// one-sentence description in Chinese and English. The
// experiment files stay as they are; the menu and the notes' Try it buttons read their words here.
#pragma once

#include "io/LocalizedText.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace dlio {

// A kind of experiment with its own views and presets ("playground": the dense network on points).
struct LabEntry {
  QString id;  // what --lab takes
  LocalizedText title;
  LocalizedText summary;
};

struct PresetGroup {
  QString id;
  QString lab;  // the lab its presets run in
  LocalizedText title;
  QStringList presets;  // in catalogue order
};

struct PresetEntry {
  QString name;  // the file :/presets/<name>.json
  QString group;
  QString lab;  // its group's
  LocalizedText title;
  LocalizedText description;  // "en" is the preset file's own description
  // Where its claim is seen: "loss", "gradients", "saturation", "sparsity", "learningRate",
  // "metrics" or "activations" (a chart tab), "map" or "network" (the central area, charts as they are);
  // "scores": the CNN lab's score board (test accuracy per run, on changed test images too);
  // "convolution", "kernels", "resampling", "architecture": one of the CNN lab's tabs, set up as
  // `focus` says; "time-gradient" (the gradient through time), "inside" (gates and states): the
  // sequence lab's.
  QString view;
  QString note;  // the note that teaches it (index.json); the notes dock opens it
  // The decision map's plane while it is loaded: "inputs" (the network's own inputs, after the
  // preprocessing: the data as the network sees it) or empty (the raw data).
  QString map;
  // The loss chart on a logarithmic axis while it is loaded (its watch line says "log scale").
  bool logAxis = false;
  // The playground's goal for its run while it is loaded: "goal": {"line": "validation-loss" or
  // "validation-accuracy", "below": x or "above": x}. The loss chart draws the level and says at
  // which step the run first reached it. goalLine empty: none.
  QString goalLine;
  double goalLevel = 0;
  bool goalBelow = true;
  // A preset of the same lab trained beside it in lockstep, so that a claim made against another
  // run ("a dense network of the same size…") is seen on one screen (the CNN lab); empty: none.
  QString compare;
  // What the CNN lab's tab shows (labs/cnn/CnnLab.cpp, showFocus): "window:n,k,s,p,d",
  // "stack:d1,d2,…", "gridding" (convolution); "kernel/image" (kernels, e.g. "sobel_x/shapes");
  // "three-vs-seven", "two-vs-five", "bottleneck", "weight-sharing" (architecture);
  // "down:IMAGE:PERIOD", "up:IMAGE:WEIGHTS" (resampling, nn/Resampling.h parseFocus).
  QString focus;
};

// The view names PresetEntry::view may take.
const QStringList& presetViews();

class PresetCatalog {
public:
  // Reads a catalogue. Returns false and sets *error (when given) if the file is missing or
  // malformed; entries naming an unknown group are kept (the tests catch them).
  bool load(const QString& path = QStringLiteral(":/preset-catalog.json"), QString* error = nullptr);

  // The compiled-in catalogue, loaded on first use (empty if it cannot be read).
  static const PresetCatalog& builtIn();

  const QList<LabEntry>& labs() const { return m_labs; }
  // nullptr for a lab the catalogue does not list.
  const LabEntry* lab(const QString& id) const;
  // The ids of the labs, in catalogue order ("playground, …"), for messages.
  QStringList labIds() const;
  // The presets of one lab, in catalogue order (empty for an unknown lab).
  QStringList presetsOf(const QString& lab) const;
  const QList<PresetGroup>& groups() const { return m_groups; }
  const QList<PresetEntry>& entries() const { return m_entries; }
  // nullptr for a preset the catalogue does not list.
  const PresetEntry* entry(const QString& name) const;

  // The preset's title in `language`; readableName() for a preset the catalogue does not list.
  QString title(const QString& name, const QString& language) const;
  // Its description in `language`; empty for a preset the catalogue does not list.
  QString description(const QString& name, const QString& language) const;

  // A preset name made readable: "dead-relu-high-lr" → "Dead ReLU high LR".
  static QString readableName(const QString& name);

private:
  QList<LabEntry> m_labs;
  QList<PresetGroup> m_groups;
  QList<PresetEntry> m_entries;
  QHash<QString, qsizetype> m_byName;
};

}  // namespace dlio
