#!/usr/bin/env python3
"""Drives Debian's Chromium (headless, through chromedriver and Selenium) through the
Office pages of a running `nhacviec serve`, as a clerk would: log in, read the dashboard,
download a consolidated report, set a task's status. Saves screenshots.

Usage: web_browser.py BASE_URL USER PASSWORD OUT_DIR
Prints one line per check; exits 1 on the first failure."""
import os, sys, tempfile, time
from urllib.parse import quote
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

base, user, password, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)
downloads = tempfile.mkdtemp(prefix="nhacviec-downloads-")

from chromium_session import chromium  # noqa: E402 (beside this script)
driver = chromium("1280,1000")
wait = WebDriverWait(driver, 20)


def check(condition, what):
    if not condition:
        print(f"FAIL: {what}")
        driver.save_screenshot(os.path.join(out, "failure.png"))
        driver.quit()
        sys.exit(1)
    print(f"ok: {what}")


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
    heading = driver.find_element(By.TAG_NAME, "h1").text
    check(heading == "Tổng quan tình hình thực hiện", f"dashboard heading: {heading!r}")
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
    driver.find_element(By.LINK_TEXT, "Kỳ báo cáo").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Các kỳ báo cáo")
    driver.find_element(By.LINK_TEXT, "tháng 3/2024").click()
    wait.until(lambda d: "tháng 3/2024" in d.find_element(By.TAG_NAME, "h1").text)
    full_screenshot("period.png")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Văn bản Word").click()
    target = os.path.join(downloads, "bao-cao-cchc-2024-03.docx")
    deadline = time.time() + 20
    while time.time() < deadline and not os.path.exists(target):
        time.sleep(0.2)
    check(os.path.exists(target), "the Word report was downloaded")
    with open(target, "rb") as f:
        check(f.read(2) == b"PK", "the download is a DOCX (zip) file")

    # Set II.3's status through the form.
    driver.find_element(By.LINK_TEXT, "Nhiệm vụ").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Các nhiệm vụ của kế hoạch")
    driver.find_element(By.LINK_TEXT, "II.3").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("Nhiệm vụ II.3"))
    Select(driver.find_element(By.ID, "status")).select_by_value("done")
    driver.find_element(By.ID, "progress").send_keys("100")
    driver.find_element(By.ID, "note").send_keys("Đã ban hành Quyết định số 45/QĐ-BQL")
    full_screenshot("task-form.png")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(lambda d: "Đã lưu tình trạng mới." in d.find_element(By.TAG_NAME, "main").text)
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
