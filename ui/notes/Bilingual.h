// Text that exists in Chinese and English, and the three ways the notes UI can show it. Shared by
// the notes library, the notes dock and the practice dialog.
#pragma once

#include "io/LocalizedText.h"

namespace dlui {

// Which language(s) a note, question or card is shown in.
enum class LanguageMode { Chinese, English, Both };

// One piece of content in both languages (shared with the preset catalogue in io/).
using LocalizedText = dlio::LocalizedText;

}  // namespace dlui
