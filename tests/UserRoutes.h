// How a user reaches a lab's preset in the window, for the GUI tests: from the Presets menu, or
// from its note's Try it. Tests alternate the two so that both routes are covered.
#pragma once

#include "MainWindow.h"
#include "notes/NotesDock.h"

#include <QAction>
#include <QMenuBar>
#include <QString>

// Opens `name` from its note's Try it when `viaNotes` (and the preset has a note), else from the
// Presets menu; returns how it went: 1 via the notes, 0 via the menu, −1 when the menu has no entry.
inline int openPresetAsAUser(dlui::MainWindow& w, const QString& name, bool viaNotes, bool hasNote = true) {
  if (viaNotes && hasNote) {
    emit w.notesDock()->tryPreset(name);
    return 1;
  }
  QAction* a = w.menuBar()->findChild<QAction*>(name);
  if (!a) return -1;
  a->trigger();
  return 0;
}
