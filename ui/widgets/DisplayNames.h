// Translated display names for the ids the engine uses in JSON ("he_normal", "rmsprop", ...).
// The engine returns ids; the UI translates them here, in one table per concept.
#pragma once

#include <QString>

#include <string>

namespace dlui {

enum class NameKind { Source, Activation, Initializer, Optimizer, Schedule, Resample, Loss, Quantity };

// The translated name of an id, or the id itself when it is not in the table.
QString displayName(NameKind kind, const std::string& id);

// An input feature's name as written in mathematics: "x1^2" → "x₁²", "sin_x1" → "sin x₁"; any
// other name (a CSV column's) unchanged.
QString inputDisplayName(const QString& id);

}  // namespace dlui
