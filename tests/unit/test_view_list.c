/* test_view_list.c: the list view every row view runs on, driven through
 * the parking lot and pain point views without a terminal, and the views
 * table that views.def declares. */
#include <criterion/criterion.h>
#include <string.h>

#include "journeyhack/kinds.h"
#include "journeyhack/view_list.h"

static struct jh_parking parking[] = {
    {1, "Who pays for the pilot?", "", 1, 0},
    {2, "Is the call centre in scope?", "", 0, 0},
    {3, "Legal review", "Yes, by the data protection officer", 1, 0},
    {4, "Budget for next year", "", 0, 0},
};

static void parking_ui(struct ui *ui, size_t n)
{
	memset(ui, 0, sizeof *ui);
	ui->view = UI_VIEW_PARKING;
	ui->d.parking = parking;
	ui->d.nparking = n;
	view_get(ui->view)->ops->rebuild(ui);
}

static jh_id selected(struct ui *ui)
{
	enum jh_kind kind;
	jh_id id;

	if (view_get(ui->view)->ops->selected(ui, &kind, &id))
		return 0;
	return id;
}

static void act(struct ui *ui, enum ui_action a)
{
	struct ui_rect r = {1, 0, 20, 80};

	view_get(ui->view)->ops->action(ui, a, &r);
}

static void teardown(void)
{
	view_free_all();
}

TestSuite(view_list, .fini = teardown);

Test(view_list, sorts_open_first_then_by_id_keeping_the_selection)
{
	struct ui ui;

	parking_ui(&ui, 4);
	/* Open first: 2, 4, then answered 1, 3. */
	cr_assert_eq(selected(&ui), 2);
	act(&ui, UI_ACT_DOWN);
	cr_assert_eq(selected(&ui), 4);
	act(&ui, UI_ACT_SORT);
	cr_assert_str_eq(ui.msg, "Sorted oldest first");
	cr_assert_eq(selected(&ui), 4, "the selection follows its item");
	act(&ui, UI_ACT_HOME);
	cr_assert_eq(selected(&ui), 1);
	act(&ui, UI_ACT_SORT);
	cr_assert_eq(selected(&ui), 1);
	act(&ui, UI_ACT_END);
	cr_assert_eq(selected(&ui), 3);
}

Test(view_list, a_reload_keeps_the_selection_by_id)
{
	struct ui ui;

	parking_ui(&ui, 4);
	act(&ui, UI_ACT_END);
	cr_assert_eq(selected(&ui), 3);
	/* Another terminal removed #4: the rows shift, the selection does not. */
	ui.d.nparking = 3;
	view_get(ui.view)->ops->rebuild(&ui);
	cr_assert_eq(selected(&ui), 3);
}

Test(view_list, search_reads_the_fields_the_view_names_and_wraps)
{
	struct ui ui;
	const struct view_ops *ops;

	parking_ui(&ui, 4);
	ops = view_get(ui.view)->ops;
	cr_assert_eq(ops->search(&ui, "PROTECTION", 1), 0, "the answer is searched");
	cr_assert_eq(selected(&ui), 3);
	cr_assert_eq(ops->search(&ui, "budget", 1), 0, "wraps to the top");
	cr_assert_eq(selected(&ui), 4);
	cr_assert_eq(ops->search(&ui, "nowhere", 1), -1);
	cr_assert_eq(selected(&ui), 4);
}

Test(view_list, focus_selects_an_item_of_its_kind_only)
{
	struct ui ui;
	const struct view_ops *ops;

	parking_ui(&ui, 4);
	ops = view_get(ui.view)->ops;
	ops->focus(&ui, JH_PARKING, 3);
	cr_assert_eq(selected(&ui), 3);
	ops->focus(&ui, JH_IDEA, 1);
	cr_assert_eq(selected(&ui), 3);
}

static struct jh_touchpoint touchpoints[] = {{.id = 7}, {.id = 8}};
static struct jh_painpoint pains[] = {
    {.id = 1,
     .touchpoint_id = 8,
     .title = "Hold music",
     .evidence = "",
     .severity = 2,
     .frequency = 2},
    {.id = 2,
     .touchpoint_id = 7,
     .title = "Form lost",
     .evidence = "",
     .severity = 5,
     .frequency = 4},
    {.id = 3,
     .touchpoint_id = 8,
     .title = "Transferred",
     .evidence = "",
     .severity = 3,
     .frequency = 3},
};

static void pain_ui(struct ui *ui)
{
	memset(ui, 0, sizeof *ui);
	ui->view = UI_VIEW_PAINPOINTS;
	ui->d.touchpoints = touchpoints;
	ui->d.ntouchpoints = 2;
	ui->d.painpoints = pains;
	ui->d.npainpoints = 3;
	ui_index_build(ui);
	view_get(ui->view)->ops->rebuild(ui);
}

Test(view_list, group_headings_are_never_selected)
{
	struct ui ui;
	const struct view_list *vl;

	pain_ui(&ui);
	vl = view_private(&ui);
	/* Heading 7, #2, heading 8, #1, #3. */
	cr_assert_eq(vl->l.n, 5);
	cr_assert_eq(vl->rows[0].item, -1);
	cr_assert_eq(vl->rows[2].item, -1);
	cr_assert_eq(selected(&ui), 2);
	act(&ui, UI_ACT_UP);
	cr_assert_eq(selected(&ui), 2, "nothing above the first item");
	act(&ui, UI_ACT_DOWN);
	cr_assert_eq(selected(&ui), 1, "the heading is stepped over");
	act(&ui, UI_ACT_UP);
	cr_assert_eq(selected(&ui), 2);
	act(&ui, UI_ACT_SORT);
	cr_assert_eq(vl->l.n, 3, "no headings when ranked by weight");
	cr_assert_eq(vl->rows[0].item, 1, "#2, weight 20, first");
	cr_assert_eq(selected(&ui), 2);
	ui_index_free(&ui.ix);
}

Test(view_list, each_view_has_its_own_state)
{
	struct ui a = {.view = UI_VIEW_PARKING}, b = {.view = UI_VIEW_BACKLOG};
	struct view_list *pa = view_private(&a);

	cr_assert_not_null(pa);
	cr_assert_eq(view_private(&a), pa, "kept between calls");
	cr_assert_neq(view_private(&b), (void *)pa);
	pa->sort = 1;
	view_free_all();
	cr_assert_eq(((struct view_list *)view_private(&a))->sort, 0, "fresh after a free");
}

Test(views, declared_once_in_views_def)
{
	const struct jh_field_def *f = kinds_field(kinds_get(JH_STEP), "view");

	cr_assert_not_null(f);
	for (int i = 0; i < UI_NVIEWS; i++) {
		const struct view *v = view_get((enum ui_view_id)i);
		cr_assert_eq(view_find(v->name), i);
		cr_assert_str_eq(f->choices[i], v->name, "a step may name every view");
		cr_assert(*v->title && *v->tab);
	}
	cr_assert_null(f->choices[UI_NVIEWS]);
	cr_assert_eq(view_find("painpoints"), UI_VIEW_PAINPOINTS);
	cr_assert_eq(view_find("nowhere"), -1);
	cr_assert_null(view_get(UI_NVIEWS));
}
