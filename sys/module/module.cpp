#include "module/module.h"

namespace module {

void Module::describe(klib::FormatSink& sink)
{
    klib::format_to(sink, "{} {} {} ", name(), version(), size());
    if (exports_.is_empty())
        klib::format_to(sink, "-");
    for (size_t i = 0; i < exports_.size(); ++i)
        klib::format_to(sink, "{}{}", i ? "," : "", exports_[i].name);
    klib::format_to(sink, " ");
    if (users_.is_empty())
        klib::format_to(sink, "-");
    for (size_t i = 0; i < users_.size(); ++i)
        klib::format_to(sink, "{}{}", i ? "," : "", users_[i]->name());
    klib::format_to(sink, "\n");
}

} // namespace module
