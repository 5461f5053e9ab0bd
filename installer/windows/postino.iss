; Inno Setup script: Postino for one Windows user (no administrator rights needed).
; Compile on Windows with ISCC.exe, or on Linux with Wine: bash installer/build-windows.sh.
;   ISCC.exe /DSourceDir=<folder with postino.exe> /DAppVersion=<x.y.z> /DOutputDir=<folder> postino.iss
; Directives and sections: Inno Setup's help (jrsoftware.org/ishelp): [Setup], [Tasks], [Icons],
; [Registry] (uninsdeletevalue), [Code] CurUninstallStepChanged, UninstallSilent, RegDeleteValue.
; Where things go:
;   program    %LOCALAPPDATA%\Programs\Postino
;   start menu %APPDATA%\Microsoft\Windows\Start Menu\Programs\Postino.lnk
;   at login   HKCU\Software\Microsoft\Windows\CurrentVersion\Run, value "Postino" (optional task)
;   workspace  %LOCALAPPDATA%\Postino  (the app's data folder: the uninstaller keeps it unless asked)

#ifndef SourceDir
  #define SourceDir "..\..\dist\postino"
#endif
#ifndef AppVersion
  #error Pass the version from pyproject.toml: /DAppVersion=x.y.z (build-windows.sh does)
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6F1C2B9E-5E7A-4D3B-9C1E-2B7A4F0D8C11}
AppName=Postino
AppVersion={#AppVersion}
AppVerName=Postino {#AppVersion}
AppPublisher=Postino
; {localappdata}\Programs is where {autopf} points in a per-user install; spelled out because
; Wine cannot expand {autopf} (FOLDERID_UserProgramFiles), and the result is the same on Windows.
DefaultDirName={localappdata}\Programs\Postino
DefaultGroupName=Postino
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=postino-{#AppVersion}-windows-setup
SetupIconFile=..\..\build\icons\postino.ico
UninstallDisplayIcon={app}\postino.exe
UninstallDisplayName=Postino
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
italian.StartAtLogin=Avvia Postino all'accesso a Windows (gli invii automatici continuano anche a finestra chiusa)
english.StartAtLogin=Start Postino when I sign in to Windows (automatic sends go on with the window closed)
italian.DeleteWorkspace=Eliminare anche i dati di Postino (contatti, regole, storico) in %1?%n%nScegli No per tenerli: una nuova installazione li ritrova.
english.DeleteWorkspace=Also delete Postino's data (contacts, rules, history) in %1?%n%nChoose No to keep it: a new installation finds it again.
italian.LaunchPostino=Apri Postino
english.LaunchPostino=Open Postino

[Tasks]
Name: "startatlogin"; Description: "{cm:StartAtLogin}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Postino"; Filename: "{app}\postino.exe"; WorkingDir: "{app}"

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Postino"; ValueData: """{app}\postino.exe"" --background"; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\postino.exe"; Description: "{cm:LaunchPostino}"; Flags: nowait postinstall skipifsilent

[Code]
{ The workspace (platformdirs' user data folder, %LOCALAPPDATA%\Postino) is the user's, not the
  program's: it stays unless the user says yes, or a silent uninstall is run with /DELETEDATA. }
function WorkspaceDir(): String;
begin
  Result := ExpandConstant('{localappdata}\Postino');
end;

function AskedToDeleteData(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/DELETEDATA') = 0 then
      Result := True;
  if (not Result) and (not UninstallSilent) and DirExists(WorkspaceDir()) then
    Result := MsgBox(FmtMessage(CustomMessage('DeleteWorkspace'), [WorkspaceDir()]),
                     mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    { The app's own "Start at login" setting may have written the value too. }
    RegDeleteValue(HKEY_CURRENT_USER, 'Software\Microsoft\Windows\CurrentVersion\Run', 'Postino');
    if AskedToDeleteData() then
      DelTree(WorkspaceDir(), True, True, True);
  end;
end;
