/*
 * test_mdesc.c - the escapes of values written into generated Markdown
 * (gen/base/mdesc.c), one per place a value can go.  Whether vb-render
 * then draws them literally is tests/e2e/gen-inject.sh.
 */
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "check.h"

static char *
inl(const char *s)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	mdesc_inline(&b, s);
	return vbuf_take(&b);
}

static char *
cell(const char *s, int chart)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	vbuf_puts(&b, "1");
	if (chart)
		mdesc_chart_cell(&b, s, 0);
	else
		mdesc_cell(&b, s, 0);
	return vbuf_take(&b);
}

static char *
info(const char *s)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	mdesc_info_value(&b, s);
	return vbuf_take(&b);
}

#define T(name, expr, want) do {					\
	char *s_ = (expr);						\
	CHECK_STR(name, s_, want);					\
	free(s_);							\
} while (0)

int
main(void)
{
	T("inline heading", inl("# a #"), "\\# a \\#");
	T("inline ordered list", inl("12. x"), "12\\. x");
	T("inline not a list in the middle", inl("a 1. b"), "a 1. b");
	T("inline bullet", inl("- x"), "\\- x");
	T("inline setext", inl("==="), "\\===");
	T("inline lines and indent", inl("    a\r\n---\rb   c \n"),
	    "a --- b c");
	T("inline html entity", inl("<b>&amp;"), "\\<b\\>\\&amp;");
	T("inline emphasis code escape", inl("a_b*c`d\\"),
	    "a\\_b\\*c\\`d\\\\");
	T("inline link image", inl("![x](y)"), "\\!\\[x\\](y)");
	T("inline braces pipes", inl("{{x}} | y"), "{{x}} | y");
	T("cell fence", cell("a\r\n```\nb", 0), "1,\"a\n\\`\\`\\`\nb\"");
	T("cell comma quote", cell("x,\"y\"", 0), "1,\"x,\"\"y\"\"\"");
	T("cell leading space", cell("  a", 0), "1,\"  a\"");
	T("cell markup", cell("*a* _b_ \\", 0), "1,\\*a\\* \\_b\\_ \\\\");
	T("cell plain", cell("# a | <b>", 0), "1,# a | <b>");
	T("chart cell fence", cell("```x", 1), "1,\"```x\"");
	T("chart cell one line", cell(" a\r\nb ", 1), "1,a b");
	T("chart cell comma", cell("a, b", 1), "1,\"a, b\"");
	T("yaml lines", mdesc_yaml("a\r\n---\rb"), "\"a\\n---\\nb\"");
	T("yaml control", mdesc_yaml("a\x1b"), "\"a\\x1b\"");
	T("yaml braces", mdesc_yaml("{{x}}"), "\"{{x}}\"");
	T("yaml plain", mdesc_yaml("Sở Y tế"), "Sở Y tế");
	T("info quote", info("a\"b\nc"), "\"a'b c\"");
	return check_failed != 0;
}
