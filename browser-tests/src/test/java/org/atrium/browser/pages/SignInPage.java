package org.atrium.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The sign-in view: login, password, the button; wrong credentials keep the person here with a message. */
public final class SignInPage extends PortalPage {
    public SignInPage(WebDriver driver) {
        super(driver, "sign-in");
    }

    /** Opens the portal's address; a person without a session lands on the sign-in view. */
    public static SignInPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/portal/");
        return new SignInPage(driver);
    }

    public WebElement loginField() {
        return find(By.cssSelector("#view-sign-in input[name='login']"));
    }

    public WebElement passwordField() {
        return find(By.cssSelector("#view-sign-in input[name='password']"));
    }

    /** Signs in as a demo person (the password is the login) and waits for the first view after it. */
    public void signInAs(String login) {
        signIn(login, login);
        waiting().withMessage(() -> "still on the sign-in view after signing in as " + login + ": " + root.getText())
                .until(d -> !showing(d, "sign-in"));
    }

    public void signIn(String login, String password) {
        loginField().clear();
        loginField().sendKeys(login);
        passwordField().clear();
        passwordField().sendKeys(password);
        root.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** The message the view shows after a refused sign-in (an alert or live region). */
    public String error() {
        return find(By.cssSelector("#view-sign-in [role='alert']:not(:empty), #view-sign-in .error:not(:empty)")).getText();
    }
}
