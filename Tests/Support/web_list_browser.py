#!/usr/bin/env python3
"""Drives Debian's Chromium (headless, through chromedriver and Selenium) from the Office's
dashboard, on a board with more of everything than the dashboard shows, through every
"see all" link to its list page, as a clerk would with the keyboard alone: Tab to the
link, Enter. On each list page: its heading, its count, every row across its pages
(those the dashboard left out included), the pager both ways; then ?page= past the end
and not a number; then the same walk with JavaScript switched off. Saves screenshots.

Usage: web_list_browser.py BASE_URL USER PASSWORD OUT_DIR
Prints one line per check; exits 1 on the first failure. Waits on conditions, never sleeps;
after a link is followed, for the old page to go (its <html> stale) before reading the new
one, whose elements would otherwise be the old page's, unloaded while being read."""
import os, re, sys
from urllib.parse import quote
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

base, user, password, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
scheme, rest = base.split("://", 1)
# The credentials typed into the browser's prompt, given here in the URL.
logged_in = f"{scheme}://{quote(user, safe='')}:{quote(password, safe='')}@{rest}"

from chromium_session import chromium, replaced  # noqa: E402 (beside this script)
driver = chromium("1280,1000")
driver.set_page_load_timeout(120)
wait = WebDriverWait(driver, 90)

# Each dashboard link to a full list: the list page's heading (its start) and how its
# rows are named. Tables name a row by its text (the same partial on both pages); the
# difficulties page by each difficulty's section heading.
LISTS = {
    "/overdue/the_che": "Nhiệm vụ quá hạn: Cải cách thể chế",
    "/upcoming": "Thời hạn trong 10 ngày làm việc tới",
    "/deliveries": "Thư đang gửi lại hoặc thất bại",
    "/difficulties": "Vướng mắc của các đơn vị",
    "/periods/2024-03": "Kỳ báo cáo tháng 3/2024",
}


def check(condition, what):
    if not condition:
        fail(what)
    print(f"ok: {what}")


def fail(what):
    print(f"FAIL: {what}")
    driver.save_screenshot(os.path.join(out, "lists-failure.png"))
    driver.quit()
    sys.exit(1)


def full_screenshot(name):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(1000, min(height + 40, 6000)))
    driver.save_screenshot(os.path.join(out, name))
    driver.set_window_size(1280, 1000)


def path_of(href):
    return "/" + href.split("://", 1)[1].split("/", 1)[1] if "://" in href else href


def heading():
    return driver.find_element(By.TAG_NAME, "h1").text


def rows(container, path):
    """How each row of the list in `container` is named (see LISTS)."""
    if path == "/difficulties" and container.tag_name == "main":
        return [h.text.split(" · ")[0] for h in container.find_elements(By.CSS_SELECTOR, "section.difficulty h2")]
    if path == "/difficulties":
        return [r.find_element(By.TAG_NAME, "td").text for r in container.find_elements(By.CSS_SELECTOR, "tbody tr")]
    return [r.text for r in container.find_elements(By.CSS_SELECTOR, "tbody tr")]


def pager_text():
    found = driver.find_elements(By.CSS_SELECTOR, "nav.pager p")
    return found[0].text if found else ""


def loaded(d):
    return d.execute_script("return document.readyState") == "complete"


def follow(action):
    """Performs `action` (which follows a link) on a page that has loaded, and waits until
    the page it leads to has replaced this one and loaded."""
    wait.until(loaded, "the page did not finish loading")
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    wait.until(lambda d: replaced(old), "the link did not replace the page")
    wait.until(loaded, "the new page did not finish loading")


def press_on(path, most=600):
    """Tabs from the top of the page to the link to `path`, presses Enter and waits for the
    page it leads to replace this one; False when the keyboard never reaches it."""
    driver.find_element(By.TAG_NAME, "body").click()
    driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
    for _ in range(most):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        href = active.get_attribute("href") or ""
        if href and path_of(href) == path:
            follow(lambda: active.send_keys(Keys.ENTER))
            return True
    return False


def walk_pages(path, shot):
    """Every row of the list at `path`, page after page through the pager's next link
    (by keyboard), then back to the first through its previous link."""
    named = rows(driver.find_element(By.TAG_NAME, "main"), path)
    pages = 1
    first_pager = pager_text()
    full_screenshot(f"{shot}.png")
    while driver.find_elements(By.CSS_SELECTOR, "nav.pager a[rel=next]"):
        target = path_of(driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").get_attribute("href"))
        check(press_on(target), f"{path}: the keyboard reaches the next page's link")
        pages += 1
        wait.until(lambda d: pager_text().startswith(f"Trang {pages}/"))
        named += rows(driver.find_element(By.TAG_NAME, "main"), path)
        full_screenshot(f"{shot}-{pages}.png")
    while driver.find_elements(By.CSS_SELECTOR, "nav.pager a[rel=prev]"):
        target = path_of(driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=prev]").get_attribute("href"))
        check(press_on(target), f"{path}: the keyboard reaches the previous page's link")
        pages -= 1
        wait.until(lambda d: pager_text().startswith(f"Trang {pages}/"))
    check(pager_text() == first_pager, f"{path}: back on the first page ({first_pager!r})")
    return named


def follow_every_link():
    driver.get(logged_in + "/")
    wait.until(lambda d: heading() == "Tổng quan tình hình thực hiện")
    links = {}
    for anchor in driver.find_elements(By.CSS_SELECTOR, "p.more a"):
        section = anchor.find_element(By.XPATH, "ancestor::section")
        total = int(re.search(r"\d+", anchor.text).group())
        links[path_of(anchor.get_attribute("href"))] = (anchor.text, total, rows(section, path_of(anchor.get_attribute("href"))))
    check(set(links) == set(LISTS), f"the dashboard links to every full list: {sorted(links)}")
    for path, (text, total, shown) in links.items():
        driver.get(logged_in + "/")
        wait.until(lambda d: heading() == "Tổng quan tình hình thực hiện")
        check(press_on(path), f"the keyboard reaches {text!r}")
        wait.until(lambda d: heading().startswith(LISTS[path]))
        print(f"ok: {path}: heading {heading()!r}")
        lead = driver.find_element(By.TAG_NAME, "main").text
        check(str(total) in lead, f"{path}: the page says {total}")
        named = walk_pages(path, "list" + path.replace("/", "-"))
        check(len(named) == total and len(set(named)) == total,
              f"{path}: {total} rows across its pages, each once ({len(named)})")
        check(set(shown) <= set(named) and len(shown) < total,
              f"{path}: the {len(shown)} rows of the dashboard are there, and the {total - len(shown)} it left out")


def luminance(css_color):
    """WCAG's relative luminance of a computed `rgb(…)`/`rgba(…)` colour."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_color)[:3]]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other):
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def warning_style(element):
    """A page-number notice is a warning: amber, not the green of "saved", and readable."""
    background = element.value_of_css_property("background-color")
    border = element.value_of_css_property("border-left-color")
    text = element.value_of_css_property("color")
    check(background == "rgba(255, 244, 224, 1)", f"the notice is styled as a warning ({background})")
    check(contrast(text, background) >= 4.5, f"its text contrasts {contrast(text, background):.1f}:1 (4.5 needed)")
    check(contrast(border, background) >= 3, f"its border contrasts {contrast(border, background):.1f}:1 (3 needed)")


def page_numbers():
    for asked, shown, notice in (
        ("99", "Trang 2/2.", "Không có trang 99: danh sách có 2 trang; đây là trang cuối."),
        ("abc", "Trang 1/2.", "“abc” không phải số trang; đây là trang đầu."),
        ("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Trang 1/2.", "“<script>alert(1)</sc” không phải số trang"),
    ):
        driver.get(logged_in + "/overdue/the_che?page=" + asked)
        wait.until(lambda d: heading() == LISTS["/overdue/the_che"])
        status = driver.find_elements(By.CSS_SELECTOR, "main p.warning[role=status]")
        check(status and status[0].text.startswith(notice), f"?page={asked}: {status[0].text if status else None!r}")
        warning_style(status[0])
        check(pager_text().startswith(shown), f"?page={asked}: shows {shown!r}")
        check(not driver.find_elements(By.CSS_SELECTOR, "main script"), f"?page={asked}: nothing of it runs")
    full_screenshot("list-page-notice.png")


try:
    follow_every_link()
    page_numbers()
    driver.quit()
    # Without JavaScript: the same walk, with the browser's scripts switched off.
    driver = chromium("1280,1000", javascript=False)
    driver.set_page_load_timeout(120)
    wait = WebDriverWait(driver, 90)
    driver.get("data:text/html,<title>off</title><script>document.title='on'</script>")
    check(driver.title == "off", "this browser runs no page script")
    driver.get(logged_in + "/")
    wait.until(lambda d: heading() == "Tổng quan tình hình thực hiện")
    check("<script" not in driver.page_source, "the dashboard has no script")
    follow(driver.find_element(By.CSS_SELECTOR, "p.more a[href='/overdue/the_che']").click)
    wait.until(lambda d: heading() == LISTS["/overdue/the_che"])
    follow(driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click)
    wait.until(lambda d: pager_text().startswith("Trang 2/2."))
    check(len(driver.find_elements(By.CSS_SELECTOR, "main tbody tr")) == 5, "without JavaScript: page 2 of the list")
    driver.save_screenshot(os.path.join(out, "list-no-javascript.png"))
    follow(driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=prev]").click)
    wait.until(lambda d: pager_text().startswith("Trang 1/2."))
    check(len(driver.find_elements(By.CSS_SELECTOR, "main tbody tr")) == 100, "without JavaScript: back on page 1")
except SystemExit:
    raise
except Exception as error:  # a Selenium failure: say which, on stdout like the checks
    fail(f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
driver.quit()
print("browser checks passed")
