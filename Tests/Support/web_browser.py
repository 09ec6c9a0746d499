#!/usr/bin/env python3
"""Drives Debian's Chromium (headless, through chromedriver and Selenium) through the
Office pages of a running `nhacviec serve`, as a clerk would: log in, read the dashboard,
download a consolidated report, set a task's status. Saves screenshots.

Usage: web_browser.py BASE_URL USER PASSWORD OUT_DIR
Prints one line per check; exits 1 on the first failure. Waits on conditions, never sleeps.

Every click or submit that loads a page goes through `navigate`: it acts on a page that
has finished loading, then waits for that document to go (its <html> replaced) before
looking for anything on the new one. Looking right after the click would find the old
page's elements, still there while the server answers, and read them as the new page
unloads them: a StaleElementReferenceException on a loaded machine (WebDriverWait
retries only NoSuchElementException)."""
import os, sys, tempfile
from urllib.parse import quote
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

base, user, password, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
downloads = tempfile.mkdtemp(prefix="nhacviec-downloads-")

from chromium_session import chromium, replaced  # noqa: E402 (beside this script)
driver = chromium("1280,1000")
driver.set_page_load_timeout(120)
# A bound on a failing run's wait, not a synchronisation: generous for a loaded machine.
wait = WebDriverWait(driver, 90)


def check(condition, what):
    if not condition:
        print(f"FAIL: {what}")
        driver.save_screenshot(os.path.join(out, "failure.png"))
        driver.quit()
        sys.exit(1)
    print(f"ok: {what}")


def heading():
    return driver.find_element(By.TAG_NAME, "h1").text


def loaded(d):
    return d.execute_script("return document.readyState") == "complete"


def navigate(locator, arrived, what):
    """Clicks the element at `locator` (a link or a form's button) once the current page
    has loaded, waits for that page to be replaced and the new one to load, then for the
    new page's <h1> to satisfy `arrived`."""
    wait.until(loaded, f"{what}: the page before did not finish loading")
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(*locator).click()
    wait.until(lambda d: replaced(old), f"{what}: the page was not replaced")
    wait.until(loaded, f"{what}: the new page did not finish loading")
    wait.until(lambda d: arrived(heading()), f"{what}: not the expected page")


def full_screenshot(name):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(1000, min(height + 40, 6000)))
    driver.save_screenshot(os.path.join(out, name))
    driver.set_window_size(1280, 1000)


try:
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    # Logging in: the credentials typed into the browser's prompt, given here in the URL;
    # the browser keeps them for the rest of the visit (downloads included).
    scheme, rest = base.split("://", 1)
    driver.get(f"{scheme}://{quote(user, safe='')}:{quote(password, safe='')}@{rest}/")
    title = heading()
    check(title == "Tổng quan tình hình thực hiện", f"dashboard heading: {title!r}")
    body = driver.find_element(By.TAG_NAME, "main").text
    check("Phòng Quản lý đầu tư" in body and "Chưa gửi" in body, "each unit's report state is shown")
    overdue = driver.find_element(By.ID, "h-overdue").text
    check(overdue == "Nhiệm vụ quá hạn (1)", f"overdue heading: {overdue!r}")
    check("5 ngày" in body, "days overdue are shown")
    check(driver.find_element(By.CSS_SELECTOR, "link[rel=stylesheet]") is not None, "stylesheet linked")
    color = driver.execute_script("return getComputedStyle(document.body).color")
    check(color == "rgb(26, 26, 26)", f"the stylesheet applied (CSP allows it): {color}")
    # Keyboard: the first Tab lands on the skip link.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element.text
    check(active.startswith("Bỏ qua trình đơn"), f"first Tab focuses the skip link: {active!r}")
    full_screenshot("dashboard.png")

    # Download the March report from the period page, reached through the menu.
    navigate((By.LINK_TEXT, "Kỳ báo cáo"), lambda h: h == "Các kỳ báo cáo", "menu")
    navigate((By.LINK_TEXT, "tháng 3/2024"), lambda h: "tháng 3/2024" in h, "period")
    full_screenshot("period.png")
    # A download replaces no page: what is waited for is the file, complete (Chromium
    # writes it under a .crdownload name first and renames it when done).
    driver.find_element(By.PARTIAL_LINK_TEXT, "Văn bản Word").click()
    target = os.path.join(downloads, "bao-cao-cchc-2024-03.docx")
    wait.until(lambda d: os.path.exists(target), "the Word report was not downloaded")
    check(os.path.exists(target), "the Word report was downloaded")
    with open(target, "rb") as f:
        check(f.read(2) == b"PK", "the download is a DOCX (zip) file")

    # Set II.3's status through the form.
    navigate((By.LINK_TEXT, "Nhiệm vụ"), lambda h: h == "Các nhiệm vụ của kế hoạch", "menu")
    navigate((By.LINK_TEXT, "II.3"), lambda h: h.startswith("Nhiệm vụ II.3"), "task")
    Select(driver.find_element(By.ID, "status")).select_by_value("done")
    driver.find_element(By.ID, "progress").send_keys("100")
    driver.find_element(By.ID, "note").send_keys("Đã ban hành Quyết định số 45/QĐ-BQL")
    full_screenshot("task-form.png")
    # The POST answers 303 to the task's page, which says it saved.
    navigate((By.CSS_SELECTOR, "form button[type=submit]"),
             lambda h: h.startswith("Nhiệm vụ II.3"), "saving the status")
    check("Đã lưu tình trạng mới." in driver.find_element(By.TAG_NAME, "main").text, "the page says it saved")
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    check("Đã hoàn thành" in facts, "the task now shows as done")
    history = driver.find_element(By.ID, "h-history").find_element(By.XPATH, "..").text
    check("Đã ban hành Quyết định số 45/QĐ-BQL" in history and "Trang web, " + user in history,
          "the history records the note and who set it")
    full_screenshot("task-saved.png")
    driver.get(base + "/")
    check(driver.find_element(By.ID, "h-overdue").text == "Nhiệm vụ quá hạn (0)", "the dashboard no longer lists it")
    full_screenshot("dashboard-after.png")
except Exception as error:  # a Selenium failure: say which, on stdout like the checks
    print(f"FAIL: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    driver.save_screenshot(os.path.join(out, "failure.png"))
    driver.quit()
    sys.exit(1)
driver.quit()
print("browser checks passed")
