@echo off
rem Customer Portal: the whole suite on one machine without Docker (docs/local-run.md).
rem   local-run [up^|down^|status^|clean^|help] [options]  - see "local-run help"
rem Builds the launcher (module local-launcher) when its jar is missing, then runs it.
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%local-launcher\target\local-launcher.jar"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
if not exist "%JAR%" (
  call "%ROOT%mvnw.cmd" -B -q -f "%ROOT%pom.xml" -pl local-launcher -am package -DskipTests || exit /b 1
)
"%JAVA%" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Dlocalrun.root=%ROOT%." -jar "%JAR%" %*
