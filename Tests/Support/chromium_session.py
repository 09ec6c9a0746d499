"""Debian's Chromium, headless, through chromedriver and Selenium: the one way the browser
tests (web_browser.py, web_list_browser.py, unit_browser.py) start it. A fresh profile per
run, so nothing a test leaves (cookies, cached credentials) reaches another. `replaced`
tells when a click has replaced the page."""
import tempfile
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service


def chromium(window_size, javascript=True):
    """A new headless Chromium with a window of `window_size` ("width,height"); with
    `javascript` False its pages run no script (WebDriver's own commands still work)."""
    profile = tempfile.mkdtemp(prefix="nhacviec-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--user-data-dir={profile}", f"--window-size={window_size}", "--lang=vi"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def replaced(old):
    """Whether `old`, an element of an earlier page, went with its document. chromedriver
    says so with StaleElementReferenceException or, asked while one document replaces the
    other, with an inspector error that the node does not belong to the document (which
    Selenium's own staleness_of does not take as stale: SeleniumHQ/selenium#15401); any
    other error is a failure."""
    try:
        old.tag_name
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
